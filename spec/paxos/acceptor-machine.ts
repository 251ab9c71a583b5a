import { assign, emit, setup } from "xstate";
import type { ActorOutput } from "../common/actor-outputs.ts";
import type { PaxosMessage, Vote } from "./messages.ts";

/**
 * A Paxos acceptor (Paxos Made Simple §2.2, P1a and the promise of phase 1b): it promises a
 * ballot above every ballot it promised before, answering with its highest vote; it accepts a
 * ballot not below its promise. `votes` keeps every (ballot, value) it ever accepted — the
 * history that "chosen" is defined over (Lamport's TLA+ Paxos keeps the same `votes`).
 */
export interface AcceptorContext {
  promised: number;
  votes: Vote[];
}

type Delivered = PaxosMessage & { from: string };

export const acceptorMachine = setup({
  types: {
    context: {} as AcceptorContext,
    events: {} as Delivered,
    emitted: {} as ActorOutput<PaxosMessage>,
  },
  guards: {
    /** P1a: promise only a ballot higher than any promised before. */
    isAbovePromise: ({ context, event }) => event.type === "PREPARE" && event.ballot > context.promised,
    /** Phase 2b: accept unless a higher ballot has been promised. */
    isNotBelowPromise: ({ context, event }) => event.type === "ACCEPT" && event.ballot >= context.promised,
    /**
     * Ignored now and for ever (the runtime discards it, impl/runtime/protocol.ts): a PREPARE
     * not above the promise fails `isAbovePromise`, an ACCEPT below it fails `isNotBelowPromise`,
     * and the promise only grows (both `promise` and `vote` raise it).
     */
    isObsolete: ({ context, event }) => (event.type === "PREPARE" && event.ballot <= context.promised) || (event.type === "ACCEPT" && event.ballot < context.promised),
  },
  actions: {
    promise: assign(({ event }) => ({ promised: (event as { ballot: number }).ballot })),
    sendPromise: emit(({ context, event }) => ({
      type: "send" as const,
      to: event.from,
      message: { type: "PROMISE" as const, ballot: (event as { ballot: number }).ballot, vote: highestVote(context.votes) },
    })),
    /** The history is a set: an ACCEPT delivered again (a duplicating network) adds no vote. */
    vote: assign(({ context, event }) => {
      const { ballot, value } = event as { ballot: number; value: string };
      const known = context.votes.some((vote) => vote.ballot === ballot && vote.value === value);
      return { promised: ballot, votes: known ? context.votes : [...context.votes, { ballot, value }] };
    }),
    sendAccepted: emit(({ event }) => {
      const { ballot, value } = event as { ballot: number; value: string };
      return { type: "send" as const, to: event.from, message: { type: "ACCEPTED" as const, ballot, value } };
    }),
  },
}).createMachine({
  id: "acceptor",
  context: { promised: 0, votes: [] },
  initial: "serving",
  states: {
    serving: {
      on: {
        PREPARE: { guard: "isAbovePromise", actions: ["sendPromise", "promise"] },
        ACCEPT: { guard: "isNotBelowPromise", actions: ["vote", "sendAccepted"] },
      },
    },
  },
});

export function highestVote(votes: readonly Vote[]): Vote | null {
  let highest: Vote | null = null;
  for (const vote of votes) if (highest === null || vote.ballot > highest.ballot) highest = vote;
  return highest;
}
