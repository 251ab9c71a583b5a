import { assign, emit, setup } from "xstate";
import type { ActorOutput } from "../../common/actor-outputs.ts";
import type { SeedPaxosMessage } from "./messages.ts";

/**
 * `paxosPropose(value, acceptors)` of the seed (B §2.2, l. 62–71), ported line by line:
 * - `acceptors.map(a => a.promise(value))`: when its `start` timer fires, PROMISE(value) to
 *   every acceptor (a multicast a crash may cut part-way), then one REPLY per acceptor;
 * - `if (promises.filter(Boolean).length > acceptors.length / 2)`: more than half granted —
 *   `acceptors.forEach(a => a.accept(value))` is one ACCEPT multicast (a crash may cut it
 *   part-way, as it may stop the loop), and `return true` is the final state `returnedTrue`
 *   in the same step: the sketch waits for no acknowledgement;
 * - `return false`: every reply is in and no majority granted (`returnedFalse`).
 * `decided` is the value returned true for (the reference proposer's field of the same name).
 */
export interface SeedProposerInput {
  value: string;
  acceptors: string[];
}

export interface SeedProposerContext extends SeedProposerInput {
  granted: string[];
  refused: string[];
  decided: string | null;
}

type SeedProposerEvent = (SeedPaxosMessage & { from: string }) | { type: "TIMEOUT"; timer: string };

export const seedProposerMachine = setup({
  types: {
    context: {} as SeedProposerContext,
    events: {} as SeedProposerEvent,
    input: {} as SeedProposerInput,
    emitted: {} as ActorOutput<SeedPaxosMessage>,
  },
  guards: {
    isStart: ({ event }) => event.type === "TIMEOUT" && event.timer === "start",
    /** An acceptor's answer to this call, not counted yet. */
    isNewReply: ({ context, event }) => event.type === "REPLY" && event.value === context.value && !context.granted.includes(event.from) && !context.refused.includes(event.from),
    /** `promises.filter(Boolean).length > acceptors.length / 2` */
    isMajority: ({ context }) => context.granted.length > context.acceptors.length / 2,
    allRepliesIn: ({ context }) => context.granted.length + context.refused.length === context.acceptors.length,
  },
  actions: {
    setStartTimer: emit({ type: "setTimer" as const, timer: "start" }),
    askPromises: emit(({ context }) => ({ type: "send" as const, to: context.acceptors, message: { type: "PROMISE" as const, value: context.value } })),
    recordReply: assign(({ context, event }) => {
      const { from, granted } = event as { from: string; granted: boolean };
      return granted ? { granted: [...context.granted, from].sort() } : { refused: [...context.refused, from].sort() };
    }),
    sendAccepts: emit(({ context }) => ({ type: "send" as const, to: context.acceptors, message: { type: "ACCEPT" as const, value: context.value } })),
    returnTrue: assign(({ context }) => ({ decided: context.value })),
  },
}).createMachine({
  id: "seedProposer",
  context: ({ input }) => ({ ...input, granted: [], refused: [], decided: null }),
  initial: "idle",
  states: {
    idle: {
      entry: "setStartTimer",
      on: { TIMEOUT: { guard: "isStart", target: "collecting", actions: "askPromises" } },
    },
    collecting: {
      always: [
        { guard: "isMajority", target: "returnedTrue", actions: ["sendAccepts", "returnTrue"] },
        { guard: "allRepliesIn", target: "returnedFalse" },
      ],
      on: { REPLY: { guard: "isNewReply", actions: "recordReply" } },
    },
    returnedTrue: { type: "final" },
    returnedFalse: { type: "final" },
  },
});
