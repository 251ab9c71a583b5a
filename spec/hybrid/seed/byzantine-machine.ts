import { assign, enqueueActions, setup } from "xstate";
import type { ActorOutput } from "../../common/actor-outputs.ts";
import { initialChainKnowledge, type ChainKnowledge } from "../chain.ts";
import { commitVote } from "./engines.ts";
import type { Proposal, SeedHybridMessage } from "./messages.ts";

/**
 * A Byzantine validator of the port's `PBFT::finalize` round, as the adversary's strategy: it
 * remembers every PROPOSAL it receives and may send a COMMIT for any of them, to its proposer —
 * for both of two blocks at one height, which no honest validator does. Its one behaviour is
 * the `byzantine-commit` step (models/hybrid/seed-hybrid-protocol.ts), each proposal at most
 * once: with two proposals in a model, that bounds it to two COMMITs. It signs only as itself
 * (signatures cannot be forged) and proposes nothing. Its context keeps the chain shape every
 * hybrid node has (it never appends: properties read only correct nodes).
 */
export interface SeedByzantineInput {
  name: string;
}

export interface KnownProposal {
  height: number;
  digest: string;
  proposer: string;
}

export interface SeedByzantineContext extends SeedByzantineInput, ChainKnowledge {
  /** Proposals received, sorted by digest. */
  proposals: KnownProposal[];
  /** Digests it sent a COMMIT for, sorted. */
  committed: string[];
}

export type ByzantineCommit = { type: "BYZANTINE_COMMIT"; digest: string };
type Delivered = SeedHybridMessage & { from: string };
export type SeedByzantineEvent = Delivered | ByzantineCommit;

const knows = (context: SeedByzantineContext, digest: string): boolean => context.proposals.some((proposal) => proposal.digest === digest);

export const seedByzantineMachine = setup({
  types: { context: {} as SeedByzantineContext, events: {} as SeedByzantineEvent, input: {} as SeedByzantineInput, emitted: {} as ActorOutput<SeedHybridMessage> },
  guards: {
    isNewProposal: ({ context, event }) => event.type === "PROPOSAL" && !knows(context, event.block.digest),
    /** It commits only to a block it has seen (it needs the proposer), each at most once. */
    mayCommit: ({ context, event }) => event.type === "BYZANTINE_COMMIT" && knows(context, event.digest) && !context.committed.includes(event.digest),
    /** It learns nothing from a BLOCK, a COMMIT or a proposal it already knows. */
    isObsolete: ({ context, event }) => event.type !== "BYZANTINE_COMMIT" && !(event.type === "PROPOSAL" && !knows(context, event.block.digest)),
  },
  actions: {
    recordProposal: assign(({ context, event }) => {
      const { block } = event as Proposal;
      return { proposals: [...context.proposals, { height: block.height, digest: block.digest, proposer: block.proposer }].sort((a, b) => (a.digest < b.digest ? -1 : 1)) };
    }),
    commit: enqueueActions(({ context, event, enqueue }) => {
      const { digest } = event as ByzantineCommit;
      const proposal = context.proposals.find((known) => known.digest === digest)!;
      enqueue.assign({ committed: [...context.committed, digest].sort() });
      enqueue.emit({ type: "send", to: proposal.proposer, message: { type: "COMMIT", height: proposal.height, digest, voter: context.name, signature: commitVote(context.name, digest).signature } });
    }),
  },
}).createMachine({
  id: "seedHybridByzantine",
  context: ({ input }) => ({ ...input, ...initialChainKnowledge(), proposals: [], committed: [] }),
  initial: "voting",
  states: {
    voting: {
      on: {
        PROPOSAL: { guard: "isNewProposal", actions: "recordProposal" },
        BYZANTINE_COMMIT: { guard: "mayCommit", actions: "commit" },
      },
    },
  },
});
