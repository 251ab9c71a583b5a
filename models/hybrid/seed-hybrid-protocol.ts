import { z } from "zod";
import type { ProtocolDefinition, ProtocolStepKind, StepFields } from "../../impl/runtime/index.ts";
import { blockFinalized, chainInvariants, finalityHistory } from "../../properties/hybrid/chain-safety.ts";
import { returnedBlocksVerify, SEED_NODE_ROLE } from "../../properties/hybrid/seed-returned-blocks.ts";
import { blockLabel, type Transaction } from "../../spec/hybrid/block.ts";
import { enabledStages, weightsSchema } from "../../spec/hybrid/weights.ts";
import {
  describeSeedHybridMessage,
  seedByzantineMachine,
  seedHybridMessageSchema,
  seedNodeMachine,
  type SeedByzantineContext,
  type SeedHybridMessage,
  type SeedNodeContext,
  type VerificationContext,
} from "../../spec/hybrid/seed/index.ts";

/** The role of the Byzantine validators' machine (the adversary's strategy). */
export const SEED_BYZANTINE_ROLE = "byzantine-validator";

const index = z.number().int().min(0);
const transaction = z
  .object({
    account: z.string().min(1).describe("The paying account"),
    nonce: z.number().int().min(0).describe("The account's nonce: two payments with one (account, nonce) and different payees are a double spend"),
    payee: z.string().min(1),
  })
  .strict();

/**
 * A seed-hybrid configuration: the weights (only their support matters, reading (i)), the nodes,
 * the BFT resilience f the 2f+1 certificate is sized for, the stake table, who calls
 * `propose_block` with which transactions, and which nodes are Byzantine validators.
 */
export const seedHybridConfigSchema = z
  .object({
    weights: weightsSchema.describe("α, β, γ (A22): a stage runs iff its weight is > 0"),
    nodes: z.number().int().min(2).max(5).describe("Nodes N0…, every one a BFT validator and a chain keeper"),
    f: z.number().int().min(0).max(1).describe("The BFT resilience: a certificate is 2f+1 COMMITs; nodes ≥ 3f+1"),
    stake: z.array(z.number().refine(Number.isFinite, { message: "a stake must be finite" }).min(0)).describe("ProofOfStake's stake table: node i's stake (0: none), one entry per node"),
    proposals: z
      .array(z.object({ node: index.describe("The node that calls propose_block"), txs: z.array(transaction).min(1).max(2).describe("Its mempool: the transactions it proposes") }).strict())
      .min(1)
      .max(2)
      .describe("Each a propose_block call, one per node"),
    byzantine: z.array(index).max(2).default([]).describe("Byzantine validators: each may COMMIT to every block it sees"),
  })
  .strict()
  .superRefine((config, context) => {
    if (config.nodes < 3 * config.f + 1) context.addIssue({ code: "custom", path: ["f"], message: `nodes must be ≥ 3f+1 = ${3 * config.f + 1}, got ${config.nodes}` });
    if (config.stake.length !== config.nodes) context.addIssue({ code: "custom", path: ["stake"], message: `stake must have one entry per node (${config.nodes}), got ${config.stake.length}` });
    const proposers = new Set<number>();
    config.proposals.forEach((proposal, i) => {
      if (proposal.node >= config.nodes) context.addIssue({ code: "custom", path: ["proposals", i, "node"], message: `node ${proposal.node} is not one of N0…N${config.nodes - 1}` });
      if (proposers.has(proposal.node)) context.addIssue({ code: "custom", path: ["proposals", i, "node"], message: `node ${proposal.node} already proposes: one propose_block call per node` });
      proposers.add(proposal.node);
    });
    config.byzantine.forEach((node, i) => {
      if (node >= config.nodes) context.addIssue({ code: "custom", path: ["byzantine", i], message: `node ${node} is not one of N0…N${config.nodes - 1}` });
      if (proposers.has(node)) context.addIssue({ code: "custom", path: ["byzantine", i], message: `node ${node} proposes: a Byzantine node here only votes` });
      if (config.byzantine.indexOf(node) !== i) context.addIssue({ code: "custom", path: ["byzantine", i], message: `node ${node} is named twice` });
    });
  });
export type SeedHybridConfig = z.infer<typeof seedHybridConfigSchema>;

export const nodeName = (node: number): string => `N${node}`;
const names = (config: SeedHybridConfig): string[] => Array.from({ length: config.nodes }, (_, node) => nodeName(node));

/** What a returned block is verified against (H4), from the config: the stages its weights turn on, the stake table, the validators, 2f+1. */
export function verificationOf(config: SeedHybridConfig): VerificationContext {
  return { stages: enabledStages(config.weights), stake: Object.fromEntries(config.stake.map((stake, node) => [nodeName(node), stake])), validators: names(config), quorum: 2 * config.f + 1 };
}

const noFields = z.object({}).strict() as unknown as z.ZodType<StepFields>;

const seedHybridSteps: Readonly<Record<string, ProtocolStepKind<SeedHybridConfig>>> = {
  propose: {
    description: "A node calls propose_block(transactions) with its mempool (seed §3.2, l. 188): Block::new, then each enabled stage in order, in one step up to finalize's PROPOSAL round.",
    fields: noFields,
    roles: [SEED_NODE_ROLE],
    offers: (actor) => ((actor.context as SeedNodeContext).mempool === null ? [] : [{}]),
    event: () => ({ type: "PROPOSE_BLOCK" }),
    label: () => "propose_block",
  },
  "byzantine-commit": {
    description: "A Byzantine validator sends a COMMIT for a block it has seen to that block's proposer — for both of two blocks at one height, if it likes.",
    fields: z.object({ digest: z.string().regex(/^[0-9a-f]+$/).describe("The block's digest") }).strict() as unknown as z.ZodType<StepFields>,
    roles: [SEED_BYZANTINE_ROLE],
    byzantine: true,
    offers: (actor) => (actor.context as SeedByzantineContext).proposals.map((proposal) => ({ digest: proposal.digest })),
    event: (fields) => ({ type: "BYZANTINE_COMMIT", digest: fields.digest as string }),
    label: (fields) => `COMMIT ${String(fields.digest).slice(0, 6)}`,
  },
};

const txLabel = (tx: Transaction): string => `${tx.account}#${tx.nonce}→${tx.payee}`;
const stageNames = (config: SeedHybridConfig): string => {
  const stages = enabledStages(config.weights);
  return [stages.pow ? "mine (PoW)" : null, stages.pos ? "validate (PoS)" : null, stages.bft ? "finalize (BFT)" : null].filter((stage) => stage !== null).join(" → ") || "none";
};

/**
 * The seed's `HybridConsensus::propose_block` (seed web3-distributed-architecture §3.2, l. 170–211;
 * catalogue A22–A23) ported literally on the runtime (spec/hybrid/seed): nodes that call it once
 * with their mempool, the stages the weights switch on, one PBFT-style commit round for finalize,
 * the returned block appended as final wherever it extends the tip, Byzantine validators that
 * may COMMIT to anything they see; held to the chain properties every hybrid variant is
 * (finality safety, never reverted, DS1 over a ghost history) and H4 on the returned blocks.
 */
export const seedHybridProtocol: ProtocolDefinition<SeedHybridConfig, SeedHybridMessage> = {
  name: "seed-hybrid",
  roles: { [SEED_NODE_ROLE]: seedNodeMachine, [SEED_BYZANTINE_ROLE]: seedByzantineMachine },
  messageSchema: seedHybridMessageSchema,
  describeMessage: describeSeedHybridMessage,
  actors(config) {
    const verification = verificationOf(config);
    const byzantine = new Set(config.byzantine);
    return names(config).map((name, node) => {
      if (byzantine.has(node)) return { name, role: SEED_BYZANTINE_ROLE, input: { name } };
      const mempool = config.proposals.find((proposal) => proposal.node === node)?.txs ?? null;
      return { name, role: SEED_NODE_ROLE, input: { name, validators: verification.validators, quorum: verification.quorum, stages: verification.stages, stake: verification.stake, mempool } };
    });
  },
  network: () => ({ duplication: "none", loss: false }),
  faults: (config) => ({ crashes: 0, midMulticast: false, byzantine: config.byzantine.map(nodeName), budget: Math.max(config.f, config.byzantine.length) }),
  time: () => ({ kind: "async" }),
  bounds: (config) => [
    `stages on: ${stageNames(config)} (weights as switches, reading (i) of A22)`,
    ...config.proposals.map((proposal) => `${nodeName(proposal.node)} calls propose_block once with ${proposal.txs.map(txLabel).join(", ")}`),
    `a BFT certificate is 2f+1 = ${2 * config.f + 1} COMMITs of ${config.nodes} validators`,
  ],
  faultNotes: (config) =>
    config.byzantine.length === 0
      ? {}
      : { faults: config.byzantine.map((node) => `${nodeName(node)} Byzantine: COMMITs to any block it saw, each at most once (both of two at one height)`), budgets: [`at most one COMMIT per Byzantine validator and block`] },
  invariants: (config) => [...chainInvariants, returnedBlocksVerify(verificationOf(config))],
  sometimes: () => [blockFinalized],
  history: finalityHistory,
  steps: seedHybridSteps,
  summarise(actor) {
    if (actor.role === SEED_BYZANTINE_ROLE) return `Byzantine, committed to ${(actor.context as SeedByzantineContext).committed.length}`;
    const context = actor.context as SeedNodeContext;
    const tip = blockLabel(context.blocks[context.head]!);
    const call = context.result !== null ? `returned ${context.result}` : (context.block === null ? null : `finalizing ${blockLabel(context.block)} (${context.commits.length} COMMITs)`);
    return call === null ? `tip ${tip}` : `tip ${tip}; ${call}`;
  },
};
