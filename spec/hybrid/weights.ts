import { z } from "zod";

/**
 * Seed web3-distributed-architecture §3.2, Definition 3.2 (catalogue A22): Hybrid = α·PoW +
 * β·PoS + γ·BFT with α + β + γ = 1. How the weights enter the protocol is ADR 0005's decision
 * (docs/adr/0005-hybrid-weights.md): α and β weigh who proposes (hash power against stake) and
 * the fork-choice score (work against attested stake); γ > 0 turns on BFT finality.
 */

/** How far α + β + γ may stray from 1: floating-point sums of decimal weights (0.1 + 0.2 + 0.7) are off by a few ulps. */
export const WEIGHT_SUM_TOLERANCE = 1e-9;

const weight = (name: string) =>
  z
    .number({ error: `${name} must be a number` })
    .refine(Number.isFinite, { message: `${name} must be finite` })
    .refine((value) => value >= 0, { message: `${name} must be ≥ 0 (a stage is off at 0, never negative)` });

/** (H1) α, β, γ finite and ≥ 0, their sum 1 within WEIGHT_SUM_TOLERANCE; an error names the field. */
export const weightsSchema = z
  .object({
    alpha: weight("alpha").describe("α: the weight of proof of work (hash-power lottery, work in the fork-choice score)"),
    beta: weight("beta").describe("β: the weight of proof of stake (stake-weighted proposer, attested stake in the fork-choice score)"),
    gamma: weight("gamma").describe("γ: the weight of BFT finality (> 0: blocks are final by a 2/3-stake finality vote)"),
  })
  .strict()
  .superRefine((weights, context) => {
    const sum = weights.alpha + weights.beta + weights.gamma;
    if (Math.abs(sum - 1) > WEIGHT_SUM_TOLERANCE)
      context.addIssue({ code: "custom", path: ["gamma"], message: `alpha + beta + gamma must be 1 (±${WEIGHT_SUM_TOLERANCE}), got ${sum}: scale the weights so they sum to 1` });
  });
export type Weights = z.infer<typeof weightsSchema>;

/** The stages a weighting turns on (A23's switches: a stage runs iff its weight is > 0). */
export function enabledStages(weights: Weights): { pow: boolean; pos: boolean; bft: boolean } {
  return { pow: weights.alpha > 0, pos: weights.beta > 0, bft: weights.gamma > 0 };
}
