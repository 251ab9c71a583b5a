import { z } from "zod";
import { sha256Hex } from "../../pbft/digest.ts";
import { conflicts, type Transaction } from "../block.ts";
import { weightsSchema, type Weights } from "../weights.ts";

/**
 * The reference hybrid protocol's configuration (ADR 0005): the weights, the nodes' hash power
 * and stake, the Byzantine nodes with their behaviours and budgets, the bounds (heights,
 * confirmations, payments), and the mutants — each a bug kind that shipped in a finality gadget
 * or fork-choice rule, off by default. Strict: an unknown field is an error naming it.
 */
const whole = (name: string, maximum: number) =>
  z
    .number({ error: `${name} must be a number` })
    .int({ message: `${name} must be a whole number` })
    .min(0, { message: `${name} must be ≥ 0` })
    .max(maximum, { message: `${name} must be ≤ ${maximum} (a bigger model is out of reach of exhaustive search)` });

export const transactionSchema = z.object({ account: z.string().min(1), nonce: whole("nonce", 9), payee: z.string().min(1) }).strict();

export const BYZANTINE_BEHAVIOURS = ["propose-any", "withhold", "vote-any"] as const;
export type ByzantineBehaviour = (typeof BYZANTINE_BEHAVIOURS)[number];

const nodeSchema = z.object({ hash: whole("hash", 9).describe("Hash power (PoW lottery tickets)"), stake: whole("stake", 9).describe("Stake (PoS proposer weight, FFG vote weight)") }).strict();

const byzantineSchema = z
  .object({
    hash: whole("hash", 9),
    stake: whole("stake", 9),
    behaviours: z.array(z.enum(BYZANTINE_BEHAVIOURS)).max(3).describe("propose-any: a block on any known block; withhold: proposals private until released; vote-any: any (source, target) vote"),
    budget: z
      .object({ proposals: whole("budget.proposals", 5).default(0), votes: whole("budget.votes", 6).default(0) })
      .strict()
      .default({ proposals: 0, votes: 0 })
      .describe("Blocks it may make and votes it may sign in one run (bounds the space)"),
    doubleSpend: z.boolean().default(false).describe("Its blocks may carry the double spend: the first payment's account and nonce, paid to eve"),
  })
  .strict();

export const hybridMutantsSchema = z
  .object({
    /** m1: fork choice not anchored at the justified/finalized block (longest chain over finality, the bug class of LMD-GHOST run from genesis: it reorgs past finality). */
    unanchoredForkChoice: z.boolean().default(false),
    /** m2: a link's votes counted per message, not per validator (duplicated/replayed votes counted twice, as in early FFG vote-counting bugs). */
    countVotesPerMessage: z.boolean().default(false),
    /** m3: the vote rule does not check its previous target height (after a reorg an honest validator double-votes: the slashing-protection bug). */
    revoteAfterReorg: z.boolean().default(false),
    /** m4: slashing misses surround votes (only double votes are detected). */
    missSurroundVotes: z.boolean().default(false),
  })
  .strict()
  .default({ unanchoredForkChoice: false, countVotesPerMessage: false, revoteAfterReorg: false, missSurroundVotes: false });
export type HybridMutants = z.infer<typeof hybridMutantsSchema>;

export const hybridConfigSchema = z
  .object({
    weights: weightsSchema,
    nodes: z.array(nodeSchema).min(1, { message: "nodes: at least one correct node" }).max(4, { message: "nodes: at most 4 correct nodes" }).describe("The correct nodes N0…"),
    byzantine: z.array(byzantineSchema).max(2).default([]).describe("The Byzantine nodes Z0…"),
    heights: z.number().int().min(1, { message: "heights must be ≥ 1" }).max(4, { message: "heights must be ≤ 4" }).describe("Blocks are proposed up to this height"),
    confirmations: z.number().int().min(1).max(3).default(1).describe("γ = 0: a block is final once this many blocks are on it (k-deep)"),
    payments: z.array(transactionSchema).max(2).default([]).describe("Payments correct proposers include in their blocks"),
    mutants: hybridMutantsSchema,
    time: z.enum(["async", "partial-sync"]).default("async").describe("partial-sync: a GST step, then liveness is judged"),
    ordering: z.enum(["unordered", "fifo"]).default("unordered").describe("fifo: per link, messages arrive in the order sent (TCP-like channels)"),
  })
  .strict()
  .superRefine((config, context) => {
    const everyone = [...config.nodes, ...config.byzantine];
    const { alpha, beta, gamma } = config.weights;
    if (alpha > 0 && !everyone.some((node) => node.hash > 0)) context.addIssue({ code: "custom", path: ["nodes"], message: "weights.alpha > 0 needs some node with hash > 0 (no one could mine)" });
    if ((beta > 0 || gamma > 0 || alpha === 0) && !everyone.some((node) => node.stake > 0))
      context.addIssue({ code: "custom", path: ["nodes"], message: "weights.beta > 0 or weights.gamma > 0 needs some node with stake > 0 (no one could propose or vote)" });
    config.payments.forEach((payment, index) => {
      const earlier = config.payments.findIndex((other) => conflicts(other, payment));
      if (earlier !== -1 && earlier < index)
        context.addIssue({ code: "custom", path: ["payments", index], message: `payments[${index}] spends ${payment.account}'s nonce ${payment.nonce} as payments[${earlier}] does: correct nodes' payments never conflict` });
    });
    config.byzantine.forEach((node, index) => {
      if (node.doubleSpend && config.payments.length === 0)
        context.addIssue({ code: "custom", path: ["byzantine", index, "doubleSpend"], message: "byzantine[].doubleSpend needs a payment to double-spend (payments is empty)" });
      else if (node.doubleSpend && config.payments[0]!.payee === "eve")
        context.addIssue({ code: "custom", path: ["payments", 0, "payee"], message: "payments[0].payee is eve, the double spend's payee: the double spend would be the payment itself (pay someone else)" });
      if (node.budget.proposals > 0 && !node.behaviours.includes("propose-any"))
        context.addIssue({ code: "custom", path: ["byzantine", index, "budget", "proposals"], message: "byzantine[].budget.proposals > 0 needs the propose-any behaviour" });
      if (node.budget.votes > 0 && !node.behaviours.includes("vote-any"))
        context.addIssue({ code: "custom", path: ["byzantine", index, "budget", "votes"], message: "byzantine[].budget.votes > 0 needs the vote-any behaviour" });
      if (node.behaviours.includes("withhold") && !node.behaviours.includes("propose-any"))
        context.addIssue({ code: "custom", path: ["byzantine", index, "behaviours"], message: "byzantine[].behaviours: withhold needs propose-any (it withholds its own proposals)" });
    });
  });
export type HybridConfig = z.infer<typeof hybridConfigSchema>;
export type HybridConfigInput = z.input<typeof hybridConfigSchema>;

export const nodeName = (index: number): string => `N${index}`;
export const byzantineName = (index: number): string => `Z${index}`;

/** What every node of one run shares: the weights, everyone's power, the bounds, the mutants. */
export interface HybridParams {
  weights: Weights;
  /** Every node in declaration order (correct N0…, then Byzantine Z0…): the stakers' order for round robin. */
  order: string[];
  hashes: Record<string, number>;
  stakes: Record<string, number>;
  heights: number;
  confirmations: number;
  payments: Transaction[];
  mutants: HybridMutants;
}

export function hybridParams(config: HybridConfig): HybridParams {
  const order = [...config.nodes.map((_, index) => nodeName(index)), ...config.byzantine.map((_, index) => byzantineName(index))];
  const all = [...config.nodes, ...config.byzantine];
  const hashes: Record<string, number> = {};
  const stakes: Record<string, number> = {};
  order.forEach((name, index) => {
    if (all[index]!.hash > 0) hashes[name] = all[index]!.hash;
    if (all[index]!.stake > 0) stakes[name] = all[index]!.stake;
  });
  return { weights: config.weights, order, hashes, stakes, heights: config.heights, confirmations: config.confirmations, payments: config.payments, mutants: config.mutants };
}

/** Pure BFT: no lottery, proposers by round robin (α = β = 0, γ = 1). */
export const isPureBft = (params: Pick<HybridParams, "weights">): boolean => params.weights.alpha === 0 && params.weights.beta === 0;

/**
 * Who may sign a block at `height` as its stake proposer: β > 0, the slot's leader by a
 * stake-weighted lottery (follow-the-Satoshi over a digest of the slot, deterministic so that
 * every node agrees); pure BFT, Tendermint's round robin, the (h − 1) mod n-th staker. Null
 * where no stake proposer exists (α only).
 */
export function stakeProposerOf(params: Pick<HybridParams, "weights" | "order" | "stakes">, height: number): string | null {
  const stakers = params.order.filter((name) => (params.stakes[name] ?? 0) > 0);
  if (stakers.length === 0 || height < 1) return null;
  if (isPureBft(params)) return stakers[(height - 1) % stakers.length]!;
  if (params.weights.beta === 0) return null;
  const total = stakers.reduce((sum, name) => sum + params.stakes[name]!, 0);
  let point = Number.parseInt(sha256Hex(`slot ${height}`).slice(0, 8), 16) % total;
  for (const name of stakers) {
    point -= params.stakes[name]!;
    if (point < 0) return name;
  }
  return stakers.at(-1)!;
}

/** Whether `name` may mine (α > 0 and hash power). */
export const mayMine = (params: Pick<HybridParams, "weights" | "hashes">, name: string): boolean => params.weights.alpha > 0 && (params.hashes[name] ?? 0) > 0;

/** The kinds of block `name` may propose at `height`. */
export function proposalKinds(params: HybridParams, name: string, height: number): ("pow" | "pos")[] {
  return [...(mayMine(params, name) ? (["pow"] as const) : []), ...(stakeProposerOf(params, height) === name ? (["pos"] as const) : [])];
}
