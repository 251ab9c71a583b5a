import { assign, enqueueActions, setup } from "xstate";
import type { ActorOutput } from "../../common/actor-outputs.ts";
import { GENESIS, blockDigest, makeBlock, meetsPowTarget, mine, signBlock, type Block, type Transaction } from "../block.ts";
import { ancestry, descendsFrom, type ChainKnowledge } from "../chain.ts";
import { isPureBft, mayMine, proposalKinds, stakeProposerOf, type HybridParams } from "./config.ts";
import { confirmedBlock, finalizedBlocks, highest, justifiedBlocks } from "./finality.ts";
import { forkChoice, latestTargets } from "./fork-choice.ts";
import type { BlockMessage, HybridMessage, VoteMessage } from "./messages.ts";
import { slashableProposals, voteEvidence, type SlashingEvidence } from "./slashing.ts";
import { signVote, verifyVote, voteKey, withVote, type UnsignedVote, type Vote } from "./votes.ts";

/**
 * A correct hybrid node (ADR 0005): it proposes when eligible (a miner with α > 0, the slot's
 * stake proposer with β > 0, the round-robin proposer in pure BFT), at most once per height, on
 * its fork-choice head; it keeps every valid block and vote it learns; it justifies and
 * finalizes by Casper FFG (γ > 0) or by k confirmations (γ = 0); it picks its head by the
 * hybrid fork choice from its anchor; it votes (a validator, stake > 0, β > 0 or γ > 0) when
 * its head moves above its last vote's target — never a double or surround vote — and it
 * records slashing evidence it sees. Pure: it acts only by emitting sends.
 */
export interface NodeInput {
  name: string;
  params: HybridParams;
  /** Every other node, in declaration order: its multicasts go to them. */
  peers: string[];
}

export interface NodeContext extends ChainKnowledge, NodeInput {
  /** PoS blocks' proposer signatures, by digest (a mined block has none). */
  signatures: Record<string, string>;
  /** Every valid vote it knows (its own included), sorted by key; a list with repeats under mutant m2. */
  votes: Vote[];
  /** γ > 0: the justified blocks, sorted. */
  justified: string[];
  /** Its own latest vote. */
  lastVote: UnsignedVote | null;
  /** The heights it proposed at. */
  proposed: number[];
  /** Slashing evidence it holds, sorted. */
  slashed: SlashingEvidence[];
}

export type ProposeEvent = { type: "PROPOSE"; kind: "pow" | "pos" };
export type NodeEvent = (HybridMessage & { from: string }) | ProposeEvent;

const bft = (context: NodeContext) => context.params.weights.gamma > 0;

/** A block is valid: its digest is its header's, and it is mined by a miner (α > 0) or signed by the height's stake proposer. */
export function isValidBlock(params: HybridParams, message: Pick<BlockMessage, "block" | "signature">): boolean {
  const { block, signature } = message;
  if (block.height < 1 || block.height > params.heights || blockDigest(block) !== block.digest) return false;
  if (signature === "") return mayMine(params, block.proposer) && meetsPowTarget(block);
  return stakeProposerOf(params, block.height) === block.proposer && signature === signBlock(block.proposer, block.digest);
}

/** A vote is valid: signed by a validator with stake, source below target. */
export function isValidVote(params: HybridParams, vote: Vote): boolean {
  return (params.stakes[vote.validator] ?? 0) > 0 && vote.sourceHeight < vote.targetHeight && verifyVote(vote);
}

const voteOf = (message: VoteMessage): Vote => ({
  validator: message.validator,
  source: message.source,
  sourceHeight: message.sourceHeight,
  target: message.target,
  targetHeight: message.targetHeight,
  signature: message.signature,
});

const knowsVote = (context: NodeContext, vote: Vote) => context.votes.some((known) => voteKey(known) === voteKey(vote));

function isNewValidBlock(context: NodeContext, event: NodeEvent): boolean {
  return event.type === "BLOCK" && context.blocks[event.block.digest] === undefined && isValidBlock(context.params, event);
}
function isNewValidVote(context: NodeContext, event: NodeEvent): boolean {
  if (event.type !== "VOTE") return false;
  const vote = voteOf(event);
  return isValidVote(context.params, vote) && (context.params.mutants.countVotesPerMessage || !knowsVote(context, vote));
}

/** The anchor of the fork choice: γ > 0 its latest justified block, γ = 0 its finalized block; GENESIS under mutant m1. */
export function anchorOf(context: Pick<NodeContext, "params" | "justified" | "blocks" | "finalized">): string {
  if (context.params.mutants.unanchoredForkChoice) return GENESIS.digest;
  if (context.params.weights.gamma === 0) return context.finalized;
  // Its latest justified block among its finalized block's descendants: a client never leaves its finalized chain.
  return highest(context.blocks, context.justified.filter((digest) => descendsFrom(context.blocks, digest, context.finalized)));
}

/** The head the fork choice picks in this context (fork-choice.ts). */
export function chosenHead(context: Pick<NodeContext, "params" | "justified" | "blocks" | "finalized" | "signatures" | "votes">): string {
  return forkChoice({
    blocks: context.blocks,
    anchor: anchorOf(context),
    weights: context.params.weights,
    mined: (block) => block.height > 0 && context.signatures[block.digest] === undefined,
    latest: latestTargets(context.votes),
    stakes: context.params.stakes,
  });
}

/** The payments not yet spent on the chain ending at `tip` (no transaction with their account and nonce). */
export function pendingPayments(blocks: Readonly<Record<string, Block>>, tip: string, payments: readonly Transaction[]): Transaction[] {
  const spent = ancestry(blocks, tip).flatMap((block) => block.txs);
  return payments.filter((payment) => !spent.some((tx) => tx.account === payment.account && tx.nonce === payment.nonce));
}

/**
 * The honest vote rule (Casper FFG's slashing conditions kept by construction): a validator
 * votes when its head is above its last vote's target height — so never two votes at one target
 * height — with source its latest justified block (γ > 0), which only rises, so never a surround
 * vote. Mutant m3 checks only that the head is a new target.
 */
export function mayVote(context: NodeContext): boolean {
  const { params } = context;
  if ((params.stakes[context.name] ?? 0) === 0 || (params.weights.beta === 0 && params.weights.gamma === 0)) return false;
  const head = context.blocks[context.head]!;
  if (head.height === 0) return false;
  if (params.mutants.revoteAfterReorg) return context.lastVote === null || context.lastVote.target !== head.digest;
  return head.height > (context.lastVote?.targetHeight ?? 0);
}

/** The vote it casts now: source its latest justified block on the head's chain (γ > 0) or its finalized block, target its head. */
export function nextVote(context: NodeContext): UnsignedVote {
  const chain = ancestry(context.blocks, context.head).map((block) => block.digest);
  const source = bft(context) ? highest(context.blocks, context.justified.filter((digest) => chain.includes(digest))) : context.finalized;
  const head = context.blocks[context.head]!;
  return { validator: context.name, source, sourceHeight: context.blocks[source]!.height, target: head.digest, targetHeight: head.height };
}

/** The votes with `vote` added (a set; a list with repeats under mutant m2), and the evidence it gives against its validator. */
function absorbVote(context: NodeContext, vote: Vote): Pick<NodeContext, "votes" | "slashed"> {
  const rule = { missSurround: context.params.mutants.missSurroundVotes };
  const votes = context.params.mutants.countVotesPerMessage ? [...context.votes, vote].sort((a, b) => (voteKey(a) < voteKey(b) ? -1 : voteKey(a) > voteKey(b) ? 1 : 0)) : withVote(context.votes, vote);
  let slashed = context.slashed;
  for (const known of context.votes) {
    if (known.validator !== vote.validator) continue;
    const evidence = voteEvidence(known, vote, rule);
    if (evidence !== null) slashed = withEvidence(slashed, evidence);
  }
  return { votes, slashed };
}

const evidenceKey = (evidence: SlashingEvidence) => `${evidence.validator} ${evidence.offence} ${evidence.proof.join(" ")}`;
function withEvidence(slashed: readonly SlashingEvidence[], evidence: SlashingEvidence): SlashingEvidence[] {
  if (slashed.some((known) => evidenceKey(known) === evidenceKey(evidence))) return [...slashed];
  return [...slashed, evidence].sort((a, b) => (evidenceKey(a) < evidenceKey(b) ? -1 : 1));
}

/** The block with its signature added, and a double proposal's evidence if its proposer signed another block at its height. */
function absorbBlock(context: NodeContext, block: Block, signature: string): Pick<NodeContext, "blocks" | "signatures" | "slashed"> {
  let slashed = context.slashed;
  if (signature !== "")
    for (const [digest, other] of Object.entries(context.signatures)) {
      const known = context.blocks[digest]!;
      if (slashableProposals({ block: known, signature: other }, { block, signature }))
        slashed = withEvidence(slashed, { validator: block.proposer, offence: "double proposal", proof: [`${known.digest}:${other}`, `${block.digest}:${signature}`].sort() as [string, string] });
    }
  return { blocks: { ...context.blocks, [block.digest]: block }, signatures: signature === "" ? context.signatures : { ...context.signatures, [block.digest]: signature }, slashed };
}

export const nodeMachine = setup({
  types: { context: {} as NodeContext, events: {} as NodeEvent, input: {} as NodeInput, emitted: {} as ActorOutput<HybridMessage> },
  guards: {
    isNewValidBlock: ({ context, event }) => isNewValidBlock(context, event),
    isNewValidVote: ({ context, event }) => isNewValidVote(context, event),
    /** Eligible for this kind at the next height, below the bound, and not yet proposed there. */
    mayPropose: ({ context, event }) => {
      if (event.type !== "PROPOSE") return false;
      const height = context.blocks[context.head]!.height + 1;
      // Pure BFT (Tendermint): the next height only on a block it has seen justified (its +2/3), so that its vote links from it.
      if (isPureBft(context.params) && !context.justified.includes(context.head)) return false;
      return height <= context.params.heights && !context.proposed.includes(height) && proposalKinds(context.params, context.name, height).includes(event.kind);
    },
    /** A known or invalid block, a known or invalid vote: ignored now and for ever. */
    isObsolete: ({ context, event }) => (event.type === "BLOCK" && !isNewValidBlock(context, event)) || (event.type === "VOTE" && !isNewValidVote(context, event)),
  },
  actions: {
    addBlock: assign(({ context, event }) => absorbBlock(context, (event as BlockMessage).block, (event as BlockMessage).signature)),
    addVote: assign(({ context, event }) => absorbVote(context, voteOf(event as VoteMessage))),
    /** Its proposal: on its head, with the payments its head's chain has not spent; mined or signed; multicast. */
    propose: enqueueActions(({ context, event, enqueue }) => {
      const kind = (event as ProposeEvent).kind;
      const parent = context.blocks[context.head]!;
      const header = { height: parent.height + 1, parent: parent.digest, proposer: context.name, txs: pendingPayments(context.blocks, parent.digest, context.params.payments) };
      const block = kind === "pow" ? mine(header) : makeBlock({ ...header, nonce: 0 });
      const signature = kind === "pow" ? "" : signBlock(context.name, block.digest);
      enqueue.assign({ ...absorbBlock(context, block, signature), proposed: [...context.proposed, block.height] });
      enqueue.emit({ type: "send", to: context.peers, message: { type: "BLOCK", block, signature } });
    }),
    /** γ > 0: Casper FFG's justified and finalized blocks from the votes it holds. */
    updateJustification: assign(({ context }) => {
      if (!bft(context)) return {};
      const input = { blocks: context.blocks, votes: context.votes, stakes: context.params.stakes, countPerMessage: context.params.mutants.countVotesPerMessage };
      const justified = justifiedBlocks(input);
      // Its highest finalized block (by height, then digest): two conflicting ones are only possible with 1/3 of the stake slashable, and then it shows.
      return { justified, finalized: highest(context.blocks, finalizedBlocks(input, justified)) };
    }),
    /** The fork choice from its anchor (fork-choice.ts). */
    chooseHead: assign(({ context }) => ({ head: chosenHead(context) })),
    /** γ = 0: the block k deep on its head's chain is final. */
    updateConfirmation: assign(({ context }) => (bft(context) ? {} : { finalized: confirmedBlock(context.blocks, context.head, context.finalized, context.params.confirmations) })),
    /** The honest vote rule (mayVote): its vote, kept and multicast (then justification and the head again: its own vote may complete a link). */
    voteIfAllowed: enqueueActions(({ context, enqueue }) => {
      if (!mayVote(context)) return;
      const unsigned = nextVote(context);
      const vote = signVote(unsigned);
      enqueue.assign({ ...absorbVote(context, vote), lastVote: unsigned });
      enqueue.emit({ type: "send", to: context.peers, message: { type: "VOTE", ...vote } });
    }),
  },
}).createMachine({
  id: "hybrid-node",
  context: ({ input }) => ({
    ...input,
    blocks: { [GENESIS.digest]: GENESIS },
    head: GENESIS.digest,
    finalized: GENESIS.digest,
    signatures: {},
    votes: [],
    justified: [GENESIS.digest],
    lastVote: null,
    proposed: [],
    slashed: [],
  }),
  initial: "running",
  states: {
    running: {
      on: {
        BLOCK: { guard: "isNewValidBlock", actions: ["addBlock", "updateJustification", "chooseHead", "updateConfirmation", "voteIfAllowed", "updateJustification", "chooseHead"] },
        VOTE: { guard: "isNewValidVote", actions: ["addVote", "updateJustification", "chooseHead", "updateConfirmation", "voteIfAllowed", "updateJustification", "chooseHead"] },
        PROPOSE: { guard: "mayPropose", actions: ["propose", "updateJustification", "chooseHead", "updateConfirmation", "voteIfAllowed", "updateJustification", "chooseHead"] },
      },
    },
  },
});

