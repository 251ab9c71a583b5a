import { assign, enqueueActions, setup } from "xstate";
import type { ActorOutput } from "../../common/actor-outputs.ts";
import { GENESIS, makeBlock, mine, signBlock, type Block, type Transaction } from "../block.ts";
import { isValidChain, type ChainKnowledge } from "../chain.ts";
import { mayMine, stakeProposerOf, type ByzantineBehaviour, type HybridParams } from "./config.ts";
import { highest } from "./finality.ts";
import type { BlockMessage, HybridMessage } from "./messages.ts";
import { isValidBlock, pendingPayments } from "./node-machine.ts";
import { signVote, voteKey, withVote, type Vote } from "./votes.ts";

/**
 * A Byzantine hybrid node as the adversary's strategy (ADR 0005). It learns every block sent to
 * it and, within its budget, may: `propose-any` — mine or sign a block on ANY block it knows,
 * below a finalized one too (long-range, nothing-at-stake), optionally carrying the double spend
 * (the first payment's account and nonce, paid to eve); `withhold` — keep its proposals private
 * until a `release` step multicasts one (the selfish miner, Eyal & Sirer 2014; block
 * withholding); `vote-any` — sign a vote for any (source, target) of known blocks with the
 * source lower, to one correct node or all (double votes, surround votes); and it never votes
 * otherwise (withheld signatures). It signs only as itself, and only blocks it may make (its
 * hash power, or its slot as stake proposer): a correct node would reject anything else.
 */
export interface ByzantineNodeInput {
  name: string;
  params: HybridParams;
  behaviours: ByzantineBehaviour[];
  budget: { proposals: number; votes: number };
  doubleSpend: boolean;
  /** The correct nodes, its receivers. */
  receivers: string[];
}

export interface ByzantineNodeContext extends ChainKnowledge, ByzantineNodeInput {
  signatures: Record<string, string>;
  /** Its proposals not yet released (withhold), sorted. */
  withheld: string[];
  /** Blocks it made. */
  made: number;
  /** Every vote it signed, sorted by key (the history shows them to accountable safety). */
  signed: Vote[];
  /** Votes sent, as "key>to", sorted: the same vote is not sent twice to one receiver. */
  sent: string[];
}

export type ByzantineStep =
  | { type: "PROPOSE_ANY"; parent: string; spend: boolean }
  | { type: "RELEASE"; block: string }
  | { type: "VOTE_ANY"; source: string; target: string; to: string };
export type ByzantineNodeEvent = (HybridMessage & { from: string }) | ByzantineStep;

/** The eve payment: the first payment's account and nonce, to another payee (DS1's double spend). */
export function doubleSpendOf(payments: readonly Transaction[]): Transaction | null {
  const first = payments[0];
  return first === undefined ? null : { account: first.account, nonce: first.nonce, payee: "eve" };
}

/** The block `propose-any` makes on `parent`, with its signature ("" when mined), or null where it may make none. */
export function adversaryBlock(context: Pick<ByzantineNodeContext, "name" | "params" | "blocks">, parent: string, spend: boolean): { block: Block; signature: string } | null {
  const base = context.blocks[parent];
  if (base === undefined || base.height + 1 > context.params.heights) return null;
  const eve = doubleSpendOf(context.params.payments);
  const txs = spend ? (eve === null ? null : [eve]) : pendingPayments(context.blocks, parent, context.params.payments);
  if (txs === null) return null;
  const header = { height: base.height + 1, parent, proposer: context.name, txs };
  // A reduction, by the correct nodes' own rule: the double spend only where its chain does not spend
  // that (account, nonce) already, since no correct node's fork choice ever takes such a chain (chain.ts).
  const unmined = makeBlock({ ...header, nonce: 0 });
  if (spend && !isValidChain({ ...context.blocks, [unmined.digest]: unmined }, unmined.digest)) return null;
  if (mayMine(context.params, context.name)) return { block: mine(header), signature: "" };
  if (stakeProposerOf(context.params, header.height) !== context.name) return null;
  return { block: unmined, signature: signBlock(context.name, unmined.digest) };
}

const has = (context: ByzantineNodeContext, behaviour: ByzantineBehaviour) => context.behaviours.includes(behaviour);

function learns(context: ByzantineNodeContext, event: ByzantineNodeEvent): boolean {
  return event.type === "BLOCK" && context.blocks[event.block.digest] === undefined && isValidBlock(context.params, event);
}

function voteFor(context: ByzantineNodeContext, source: string, target: string): Vote | null {
  const [s, t] = [context.blocks[source], context.blocks[target]];
  if (s === undefined || t === undefined || s.height >= t.height) return null;
  return signVote({ validator: context.name, source, sourceHeight: s.height, target, targetHeight: t.height });
}

export const byzantineNodeMachine = setup({
  types: { context: {} as ByzantineNodeContext, events: {} as ByzantineNodeEvent, input: {} as ByzantineNodeInput, emitted: {} as ActorOutput<HybridMessage> },
  guards: {
    learnsBlock: ({ context, event }) => learns(context, event),
    /** It reads blocks only: votes to it and blocks it knows change nothing. */
    isObsolete: ({ context, event }) => (event.type === "BLOCK" || event.type === "VOTE") && !learns(context, event),
    /** propose-any, budget left, a new block it may make on that parent. */
    mayProposeAny: ({ context, event }) => {
      if (event.type !== "PROPOSE_ANY" || !has(context, "propose-any") || context.made >= context.budget.proposals) return false;
      if (event.spend && !context.doubleSpend) return false;
      const made = adversaryBlock(context, event.parent, event.spend);
      return made !== null && context.blocks[made.block.digest] === undefined;
    },
    mayRelease: ({ context, event }) => event.type === "RELEASE" && context.withheld.includes(event.block),
    /** vote-any, stake, budget left, source below target, not sent to that receiver before. */
    mayVoteAny: ({ context, event }) => {
      if (event.type !== "VOTE_ANY" || !has(context, "vote-any") || (context.params.stakes[context.name] ?? 0) === 0) return false;
      if (context.sent.length >= context.budget.votes || (event.to !== "all" && !context.receivers.includes(event.to))) return false;
      const vote = voteFor(context, event.source, event.target);
      // Under mutant m2 a vote may go to a receiver again (a replay the mutant counts twice); otherwise a repeat changes nothing.
      return vote !== null && (context.params.mutants.countVotesPerMessage || !context.sent.includes(`${voteKey(vote)}>${event.to}`));
    },
  },
  actions: {
    learnBlock: assign(({ context, event }) => {
      const { block, signature } = event as BlockMessage;
      const blocks = { ...context.blocks, [block.digest]: block };
      return { blocks, head: highest(blocks, Object.keys(blocks)), signatures: signature === "" ? context.signatures : { ...context.signatures, [block.digest]: signature } };
    }),
    proposeAny: enqueueActions(({ context, event, enqueue }) => {
      const { parent, spend } = event as Extract<ByzantineStep, { type: "PROPOSE_ANY" }>;
      const { block, signature } = adversaryBlock(context, parent, spend)!;
      const blocks = { ...context.blocks, [block.digest]: block };
      const withhold = has(context, "withhold");
      enqueue.assign({
        blocks,
        head: highest(blocks, Object.keys(blocks)),
        signatures: signature === "" ? context.signatures : { ...context.signatures, [block.digest]: signature },
        made: context.made + 1,
        withheld: withhold ? [...context.withheld, block.digest].sort() : context.withheld,
      });
      if (!withhold) enqueue.emit({ type: "send", to: context.receivers, message: { type: "BLOCK", block, signature } });
    }),
    release: enqueueActions(({ context, event, enqueue }) => {
      const digest = (event as Extract<ByzantineStep, { type: "RELEASE" }>).block;
      const block = context.blocks[digest]!;
      enqueue.assign({ withheld: context.withheld.filter((known) => known !== digest) });
      enqueue.emit({ type: "send", to: context.receivers, message: { type: "BLOCK", block, signature: context.signatures[digest] ?? "" } });
    }),
    voteAny: enqueueActions(({ context, event, enqueue }) => {
      const { source, target, to } = event as Extract<ByzantineStep, { type: "VOTE_ANY" }>;
      const vote = voteFor(context, source, target)!;
      enqueue.assign({ signed: withVote(context.signed, vote), sent: [...context.sent, `${voteKey(vote)}>${to}`].sort() });
      enqueue.emit({ type: "send", to: to === "all" ? context.receivers : to, message: { type: "VOTE", ...vote } });
    }),
  },
}).createMachine({
  id: "hybrid-byzantine-node",
  context: ({ input }) => ({ ...input, blocks: { [GENESIS.digest]: GENESIS }, head: GENESIS.digest, finalized: GENESIS.digest, signatures: {}, withheld: [], made: 0, signed: [], sent: [] }),
  initial: "running",
  states: {
    running: {
      on: {
        BLOCK: { guard: "learnsBlock", actions: "learnBlock" },
        PROPOSE_ANY: { guard: "mayProposeAny", actions: "proposeAny" },
        RELEASE: { guard: "mayRelease", actions: "release" },
        VOTE_ANY: { guard: "mayVoteAny", actions: "voteAny" },
      },
    },
  },
});
