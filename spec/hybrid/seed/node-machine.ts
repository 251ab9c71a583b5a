import { and, assign, emit, enqueueActions, not, setup } from "xstate";
import type { ActorOutput } from "../../common/actor-outputs.ts";
import type { Block, Transaction } from "../block.ts";
import { initialChainKnowledge, type ChainKnowledge } from "../chain.ts";
import { commitVote, failedStages, mineBlock, newBlock, validateBlock, type CommitVote, type SeedBlock, type Stages } from "./engines.ts";
import type { BlockMessage, Commit, Proposal, SeedHybridMessage } from "./messages.ts";

/**
 * A node of the seed's hybrid consensus (web3-distributed-architecture §3.2, l. 170–211;
 * catalogue A22–A23), ported literally: `propose_block(transactions)` (l. 188–209) as the
 * machine's path idle → proposed → mined → validated → (finalizing) → returned | failed, each
 * stage skipped when its weight is 0 (l. 192, 197, 202: `if self.x_weight > 0.0`; the weights
 * reach the machine only as these switches, reading (i) of A22), and a stage's `?` (l. 193, 198,
 * 203) leaving for `failed` with nothing appended.
 *
 * Reading choices, each where the sketch is silent:
 * - Who proposes: any node with a mempool may call `propose_block` once (the sketch has no
 *   leader selection: `propose_block` is a method any `HybridConsensus` instance may call); the
 *   call is the `propose` step (models/hybrid/seed-hybrid-protocol.ts).
 * - `Block::new` builds on the node's tip (engines.ts `newBlock`).
 * - `PBFT::finalize` (l. 203) is one PBFT-style commit round: PROPOSAL(block) to the other
 *   validators, each honest one COMMITs to the first block it sees at that height (and answers
 *   a later proposal at that height with that same vote), and finalize returns the block with a
 *   certificate of 2f+1 COMMITs on its digest — or `Err` once the validators that committed to
 *   another block leave fewer than 2f+1 who could.
 * - `Ok(block)` (l. 208) IS the consensus result: the proposer multicasts it (BLOCK) and every
 *   node, the proposer included, appends it as final iff its parent is the node's tip. The sketch
 *   has no fork choice, no confirmation depth, no finality rule besides the returned value, so a
 *   block at a height the node already filled is ignored (never a reorg), and `head` and
 *   `finalized` are both the tip (spec/hybrid/chain.ts's shape, read by the chain properties).
 * - A node verifies nothing it receives as BLOCK (the sketch gives the receiver no check); a
 *   validator verifies a PROPOSAL under the stages before BFT (PBFT's replicas check a
 *   PRE-PREPARE before they vote).
 */
export interface SeedNodeInput {
  name: string;
  /** Every node, in declaration order: the BFT validators (the sketch's PBFT has no other membership). */
  validators: string[];
  /** COMMITs a certificate needs: 2f+1. */
  quorum: number;
  stages: Stages;
  /** ProofOfStake's stake table: node → stake (0: none). */
  stake: Record<string, number>;
  /** The transactions it calls `propose_block` with; null: it never proposes. */
  mempool: Transaction[] | null;
}

export type SeedResult = "Ok" | "Err(validate)" | "Err(finalize)";

export interface SeedNodeContext extends SeedNodeInput, ChainKnowledge {
  blocks: Record<string, SeedBlock>;
  /** The block `propose_block` works on (its `let mut block`), null before the call. */
  block: SeedBlock | null;
  /** finalize: COMMITs on the block's digest, one per voter, sorted by voter. */
  commits: CommitVote[];
  /** finalize: validators that committed to another block at its height, sorted. */
  against: string[];
  /** As a validator: height → the digest it committed to (the first block it saw there). */
  voted: Record<string, string>;
  /** What `propose_block` returned; null until it returns. */
  result: SeedResult | null;
}

export type ProposeBlock = { type: "PROPOSE_BLOCK" };
type Delivered = SeedHybridMessage & { from: string };
export type SeedNodeEvent = Delivered | ProposeBlock;

const tipOf = (context: SeedNodeContext): Block => context.blocks[context.head]!;
const others = (context: SeedNodeContext): string[] => context.validators.filter((validator) => validator !== context.name);

/** The block extends the node's tip: the one case the sketch's "append the returned block" covers. */
const extendsTip = (context: SeedNodeContext, block: SeedBlock): boolean => block.parent === context.head && block.height === tipOf(context).height + 1;

/** A proposal that verifies under the stages before BFT (PoW target, a staker's signature). */
function proposalVerifies(context: SeedNodeContext, block: SeedBlock): boolean {
  const stages = { ...context.stages, bft: false };
  return failedStages(block, { stages, stake: context.stake, validators: context.validators, quorum: context.quorum }).length === 0;
}

/** A COMMIT for the height the node is finalizing, signed by its sender, from a validator not counted yet. */
function isNewCommit(context: SeedNodeContext, event: SeedNodeEvent): boolean {
  if (event.type !== "COMMIT" || context.block === null || context.result !== null) return false;
  const commit = event as Commit & { from: string };
  return (
    commit.voter === commit.from &&
    commit.height === context.block.height &&
    context.validators.includes(commit.voter) &&
    commit.signature === commitVote(commit.voter, commit.digest).signature &&
    !context.commits.some((vote) => vote.voter === commit.voter) &&
    !context.against.includes(commit.voter)
  );
}

/** The node appends a returned block: as final, iff it extends the tip (see the header). */
function appended(context: SeedNodeContext, block: SeedBlock): Partial<SeedNodeContext> {
  if (!extendsTip(context, block)) return {};
  return { blocks: { ...context.blocks, [block.digest]: block }, head: block.digest, finalized: block.digest };
}

export const seedNodeMachine = setup({
  types: {
    context: {} as SeedNodeContext,
    events: {} as SeedNodeEvent,
    input: {} as SeedNodeInput,
    emitted: {} as ActorOutput<SeedHybridMessage>,
  },
  guards: {
    hasMempool: ({ context }) => context.mempool !== null,
    powOn: ({ context }) => context.stages.pow,
    posOn: ({ context }) => context.stages.pos,
    bftOn: ({ context }) => context.stages.bft,
    /** ProofOfStake::validate's condition: the proposer holds stake. */
    proposerHasStake: ({ context }) => (context.stake[context.name] ?? 0) > 0,
    /** finalize: 2f+1 COMMITs on the digest. */
    hasCertificate: ({ context }) => context.commits.length >= context.quorum,
    /** finalize's `Err`: the validators that committed elsewhere leave fewer than 2f+1 who could commit to this block. */
    cannotCertify: ({ context }) => context.validators.length - context.against.length < context.quorum,
    isNewCommit: ({ context, event }) => isNewCommit(context, event),
    isOwnDigest: ({ context, event }) => (event as Commit).digest === context.block?.digest,
    proposalVerifies: ({ context, event }) => proposalVerifies(context, (event as Proposal).block),
    extendsTip: ({ context, event }) => extendsTip(context, (event as BlockMessage).block),
    /**
     * Deliveries this node ignores now and in every later snapshot: a BLOCK at or below its
     * tip's height (the tip only grows), a PROPOSAL that fails verification, a COMMIT once
     * `propose_block` has returned or from a validator already counted.
     */
    isObsolete: ({ context, event }) => {
      if (event.type === "BLOCK") return event.block.height <= tipOf(context).height;
      if (event.type === "PROPOSAL") return !proposalVerifies(context, event.block);
      if (event.type !== "COMMIT") return false;
      return context.result !== null || (context.block !== null && !isNewCommit(context, event));
    },
  },
  actions: {
    /** `let mut block = Block::new(transactions);` (l. 189) */
    newBlock: assign(({ context }) => ({ block: newBlock(tipOf(context), context.name, context.mempool ?? []) })),
    /** `block = self.pow_engine.mine(block).await?;` (l. 193) */
    mine: assign(({ context }) => ({ block: mineBlock(context.block!) })),
    /** `block = self.pos_engine.validate(block).await?;` (l. 198), Ok case */
    validate: assign(({ context }) => ({ block: validateBlock(context.block!, context.stake) })),
    /** `bft_engine.finalize(block)` (l. 203) begins: PROPOSAL to the other validators, and the proposer's own vote as a validator. */
    beginFinalize: enqueueActions(({ context, enqueue }) => {
      const block = context.block!;
      const key = String(block.height);
      const own = context.voted[key];
      if (own === undefined) enqueue.assign({ voted: { ...context.voted, [key]: block.digest }, commits: [commitVote(context.name, block.digest)] });
      else if (own !== block.digest) enqueue.assign({ against: [context.name] });
      enqueue.emit({ type: "send", to: others(context), message: { type: "PROPOSAL", block } });
    }),
    recordCommit: assign(({ context, event }) => {
      const { voter, signature } = event as Commit;
      return { commits: [...context.commits, { voter, signature }].sort((a, b) => (a.voter < b.voter ? -1 : 1)) };
    }),
    recordAgainst: assign(({ context, event }) => ({ against: [...context.against, (event as Commit).voter].sort() })),
    /** finalize's Ok: the certificate attached (l. 203). */
    attachCertificate: assign(({ context }) => ({ block: { ...context.block!, certificate: context.commits } })),
    /** `Ok(block)` (l. 208): the consensus result — appended here if it extends the tip, and multicast to every other node. */
    returnOk: enqueueActions(({ context, enqueue }) => {
      const block = context.block!;
      enqueue.assign({ result: "Ok", ...appended(context, block) });
      enqueue.emit({ type: "send", to: others(context), message: { type: "BLOCK", block } });
    }),
    errValidate: assign({ result: "Err(validate)" as const }),
    errFinalize: assign({ result: "Err(finalize)" as const }),
    /** As a validator: COMMIT to the first block seen at the height; answer a later one with that same vote. */
    vote: enqueueActions(({ context, event, enqueue }) => {
      const { block, from } = event as Proposal & { from: string };
      const key = String(block.height);
      const digest = context.voted[key] ?? block.digest;
      if (context.voted[key] === undefined) enqueue.assign({ voted: { ...context.voted, [key]: digest } });
      const { signature } = commitVote(context.name, digest);
      enqueue.emit({ type: "send", to: from, message: { type: "COMMIT", height: block.height, digest, voter: context.name, signature } });
    }),
    append: assign(({ context, event }) => appended(context, (event as BlockMessage).block)),
  },
}).createMachine({
  id: "seedHybridNode",
  context: ({ input }) => ({ ...input, ...initialChainKnowledge(), block: null, commits: [], against: [], voted: {}, result: null }),
  initial: "idle",
  on: {
    PROPOSAL: { guard: "proposalVerifies", actions: "vote" },
    BLOCK: { guard: "extendsTip", actions: "append" },
  },
  states: {
    idle: {
      on: { PROPOSE_BLOCK: { guard: "hasMempool", target: "proposed", actions: "newBlock" } },
    },
    // Past Block::new. Each stage's state is passed through in the same step; a stage whose weight is 0 is skipped.
    proposed: {
      always: [{ guard: "powOn", target: "mined", actions: "mine" }, { target: "mined" }],
    },
    mined: {
      always: [
        { guard: and(["posOn", not("proposerHasStake")]), target: "failed", actions: "errValidate" },
        { guard: "posOn", target: "validated", actions: "validate" },
        { target: "validated" },
      ],
    },
    validated: {
      always: [{ guard: "bftOn", target: "finalizing", actions: "beginFinalize" }, { target: "returned", actions: "returnOk" }],
    },
    finalizing: {
      always: [
        { guard: "hasCertificate", target: "returned", actions: ["attachCertificate", "returnOk"] },
        { guard: "cannotCertify", target: "failed", actions: "errFinalize" },
      ],
      on: {
        COMMIT: [
          { guard: and(["isNewCommit", "isOwnDigest"]), actions: "recordCommit" },
          { guard: "isNewCommit", actions: "recordAgainst" },
        ],
      },
    },
    /** `Ok(block)` returned. Not a final state: the node goes on validating and appending. */
    returned: {},
    /** A stage's `?` returned `Err`: nothing appended, nothing sent. */
    failed: {},
  },
});
