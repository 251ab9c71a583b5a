import { assign, emit, enqueueActions, setup } from "xstate";
import { highestVote } from "./acceptor-machine.ts";
import type { ActorOutput } from "../common/actor-outputs.ts";
import type { PaxosMessage, Vote } from "./messages.ts";

/**
 * A Paxos proposer (Paxos Made Simple §2.2–2.3). It starts when its `start` timer fires (the
 * runtime's spontaneous step), and each round with a ballot of its own (`index + 1 + round ·
 * proposers`, so ballots never collide): phase 1a sends PREPARE to every acceptor; with
 * PROMISEs from a majority it proposes the value of the highest vote they report, or its own
 * value if none (P2c); phase 2a sends ACCEPT; with ACCEPTEDs from a majority the value is chosen
 * and the proposer returns it (`decided`). While a round waits and another is left, its `retry`
 * timer may fire at any time and starts the next round; after the last round it waits (a
 * proposer whose majority went to a higher ballot simply never returns).
 */
export interface ProposerInput {
  index: number;
  proposers: number;
  acceptors: string[];
  value: string;
  rounds: number;
  /** Mutant only: propose the own value even when a promise reports a vote (breaks P2c). */
  ignorePromisedVotes?: boolean;
}

export interface ProposerContext extends ProposerInput {
  round: number;
  ballot: number;
  promises: string[];
  highest: Vote | null;
  proposal: string | null;
  accepted: string[];
  decided: string | null;
}

type ProposerEvent = (PaxosMessage & { from: string }) | { type: "TIMEOUT"; timer: string };

const majority = (context: ProposerContext): number => Math.floor(context.acceptors.length / 2) + 1;

export const proposerMachine = setup({
  types: {
    context: {} as ProposerContext,
    events: {} as ProposerEvent,
    input: {} as ProposerInput,
    emitted: {} as ActorOutput<PaxosMessage>,
  },
  guards: {
    isStart: ({ event }) => event.type === "TIMEOUT" && event.timer === "start",
    isRetry: ({ event }) => event.type === "TIMEOUT" && event.timer === "retry",
    /** A reply to this round's ballot, from an acceptor not counted yet. */
    isNewPromise: ({ context, event }) => event.type === "PROMISE" && event.ballot === context.ballot && !context.promises.includes(event.from),
    isNewAccepted: ({ context, event }) => event.type === "ACCEPTED" && event.ballot === context.ballot && !context.accepted.includes(event.from),
    /**
     * Ignored now and for ever (the runtime discards it): a PROMISE or ACCEPTED for an earlier
     * ballot of this proposer, or one for this ballot from an acceptor already counted, fails
     * `isNewPromise`/`isNewAccepted` in every state to come — ballots only grow, and a ballot's
     * counts are cleared only when the next, higher ballot begins.
     */
    isObsolete: ({ context, event }) => {
      if (event.type !== "PROMISE" && event.type !== "ACCEPTED") return false;
      if (event.ballot < context.ballot) return true;
      return event.ballot === context.ballot && (event.type === "PROMISE" ? context.promises : context.accepted).includes(event.from);
    },
    /** Phase 1 ends with promises from a majority of acceptors. */
    hasPromiseQuorum: ({ context }) => context.promises.length >= majority(context),
    /** The value is chosen once a majority accepted this ballot. */
    hasAcceptQuorum: ({ context }) => context.accepted.length >= majority(context),
  },
  actions: {
    setStartTimer: emit({ type: "setTimer" as const, timer: "start" }),
    /** Only a proposer with rounds to spare may time out and retry. */
    setRetryTimer: enqueueActions(({ context, enqueue }) => {
      if (context.round + 1 < context.rounds) enqueue.emit({ type: "setTimer" as const, timer: "retry" });
    }),
    cancelRetryTimer: emit({ type: "cancelTimer" as const, timer: "retry" }),
    beginFirstRound: assign(({ context }) => ({ round: 0, ballot: context.index + 1, promises: [], highest: null, proposal: null, accepted: [] })),
    beginNextRound: assign(({ context }) => {
      const round = context.round + 1;
      return { round, ballot: context.index + 1 + round * context.proposers, promises: [], highest: null, proposal: null, accepted: [] };
    }),
    sendPrepare: emit(({ context }) => ({ type: "send" as const, to: context.acceptors, message: { type: "PREPARE" as const, ballot: context.ballot } })),
    recordPromise: assign(({ context, event }) => {
      const { from, vote } = event as { from: string; vote: Vote | null };
      const votes = [context.highest, vote].filter((candidate): candidate is Vote => candidate !== null);
      return { promises: [...context.promises, from].sort(), highest: highestVote(votes) };
    }),
    /** P2c: the value of the highest vote reported, else the proposer's own. */
    chooseProposal: assign(({ context }) => ({ proposal: context.highest === null || context.ignorePromisedVotes === true ? context.value : context.highest.value })),
    sendAccept: emit(({ context }) => ({ type: "send" as const, to: context.acceptors, message: { type: "ACCEPT" as const, ballot: context.ballot, value: context.proposal! } })),
    recordAccepted: assign(({ context, event }) => ({ accepted: [...context.accepted, (event as { from: string }).from].sort() })),
    decide: assign(({ context }) => ({ decided: context.proposal })),
  },
}).createMachine({
  id: "proposer",
  context: ({ input }) => ({ ...input, round: 0, ballot: 0, promises: [], highest: null, proposal: null, accepted: [], decided: null }),
  initial: "idle",
  states: {
    idle: {
      entry: "setStartTimer",
      on: { TIMEOUT: { guard: "isStart", target: "preparing", actions: ["beginFirstRound", "sendPrepare", "setRetryTimer"] } },
    },
    preparing: {
      always: { guard: "hasPromiseQuorum", target: "accepting", actions: ["chooseProposal", "sendAccept"] },
      on: {
        PROMISE: { guard: "isNewPromise", actions: "recordPromise" },
        TIMEOUT: { guard: "isRetry", target: "retrying" },
      },
    },
    accepting: {
      always: { guard: "hasAcceptQuorum", target: "decided", actions: ["decide", "cancelRetryTimer"] },
      on: {
        ACCEPTED: { guard: "isNewAccepted", actions: "recordAccepted" },
        TIMEOUT: { guard: "isRetry", target: "retrying" },
      },
    },
    retrying: {
      always: { target: "preparing", actions: ["beginNextRound", "sendPrepare", "setRetryTimer"] },
    },
    /** Returned true: `decided` is the value. */
    decided: { type: "final" },
  },
});
