import type { Block } from "../block.ts";
import { descendsFrom, isValidChain } from "../chain.ts";
import type { Weights } from "../weights.ts";
import type { Vote } from "./votes.ts";

/**
 * The hybrid fork choice (ADR 0005), a pure and deterministic function of a node's knowledge
 * (H6): among the known blocks that descend from the anchor (γ > 0: the node's latest justified
 * block, Gasper's "start from the justified checkpoint", Buterin et al. 2020 §4.2; γ = 0: its
 * finalized block, which it so never reverts), the leaf with the highest score
 *   α · (mined blocks from the anchor: work, one unit each) + β · (stake whose latest vote
 *   targets a block of that chain) / (total stake)
 * ties broken by the smallest digest, among valid chains only (chain.ts's isValidChain). Pure
 * BFT (α = β = 0) picks by height, then digest (Tendermint builds on its one committed chain).
 */
export interface ForkChoiceInput {
  blocks: Readonly<Record<string, Block>>;
  anchor: string;
  weights: Weights;
  /** Whether a block carries proof of work (it counts one unit of work). */
  mined(block: Block): boolean;
  /** Validator → the target of its latest vote (latestTargets). */
  latest: Readonly<Record<string, string>>;
  stakes: Readonly<Record<string, number>>;
}

const EPSILON = 1e-9;

/** Each validator's latest vote target: the highest target height, then the smallest digest; validators in `ignored` (slashed) left out. */
export function latestTargets(votes: readonly Vote[], ignored: ReadonlySet<string> = new Set()): Record<string, string> {
  const best: Record<string, Vote> = {};
  for (const vote of votes) {
    if (ignored.has(vote.validator)) continue;
    const known = best[vote.validator];
    if (known === undefined || vote.targetHeight > known.targetHeight || (vote.targetHeight === known.targetHeight && vote.target < known.target)) best[vote.validator] = vote;
  }
  const latest: Record<string, string> = {};
  for (const validator of Object.keys(best).sort()) latest[validator] = best[validator]!.target;
  return latest;
}

/** The chain from `leaf` back to `anchor` (both included), leaf first. */
function chainTo(blocks: Readonly<Record<string, Block>>, leaf: string, anchor: string): Block[] {
  const chain: Block[] = [];
  let block: Block | undefined = blocks[leaf];
  while (block !== undefined) {
    chain.push(block);
    if (block.digest === anchor) break;
    block = blocks[block.parent];
  }
  return chain;
}

/** The score of the chain ending at `leaf`, as the function above weighs it (exported for the tests and the reports). */
export function chainScore(input: ForkChoiceInput, leaf: string): number {
  const { weights } = input;
  const chain = chainTo(input.blocks, leaf, input.anchor);
  if (weights.alpha === 0 && weights.beta === 0) return chain[0]!.height;
  const work = chain.filter((block) => block.digest !== input.anchor && input.mined(block)).length;
  const onChain = new Set(chain.map((block) => block.digest));
  const total = Object.values(input.stakes).reduce((sum, stake) => sum + stake, 0);
  let attested = 0;
  for (const [validator, target] of Object.entries(input.latest)) if (onChain.has(target)) attested += input.stakes[validator] ?? 0;
  return weights.alpha * work + (total === 0 ? 0 : (weights.beta * attested) / total);
}

/** The head: the best-scoring leaf among the anchor's known descendants (the anchor itself when it has none). */
export function forkChoice(input: ForkChoiceInput): string {
  const { blocks, anchor } = input;
  if (blocks[anchor] === undefined) throw new Error(`fork choice: the anchor ${anchor} is not a known block`);
  // An invalid chain (chain.ts: a height skipped, an (account, nonce) spent twice) is no candidate, and no block on it counts as a child.
  const candidates = Object.keys(blocks)
    .filter((digest) => descendsFrom(blocks, digest, anchor) && isValidChain(blocks, digest))
    .sort();
  const parents = new Set(candidates.map((digest) => blocks[digest]!.parent));
  let head = anchor;
  let best = Number.NEGATIVE_INFINITY;
  for (const leaf of candidates) {
    if (parents.has(leaf)) continue;
    const score = chainScore(input, leaf);
    // candidates are sorted: a later leaf wins only with a strictly higher score (ties: the smallest digest).
    if (score > best + EPSILON) {
      best = score;
      head = leaf;
    }
  }
  return head;
}
