import { assign, emit, setup } from "xstate";
import type { ActorOutput } from "../../common/actor-outputs.ts";
import type { SeedPaxosMessage } from "./messages.ts";

/**
 * The seed's `Acceptor`, whose `promise(value)` and `accept(value)` the sketch leaves undefined
 * (spec/paxos/README.md, "The seed variant"). Two readings, chosen by `reading`:
 * - "grant-all" (R1): `promise` returns true to every request — with no ballot there is
 *   nothing to refuse on; `accept` overwrites the value held.
 * - "first-come" (R2): `promise` returns true only for the first value asked (and that value
 *   again), false for any other; `accept` still overwrites unconditionally.
 * `votes` is the history of the values held, in order (a value accepted again while held
 * adds nothing): what the properties' "chosen at some time" is read against.
 */
export type SeedReading = "grant-all" | "first-come";

export interface SeedAcceptorInput {
  reading: SeedReading;
}

export interface SeedAcceptorContext extends SeedAcceptorInput {
  /** The first value promised (first-come only). */
  promised: string | null;
  /** The value held: the last accepted. */
  value: string | null;
  votes: string[];
}

type Delivered = SeedPaxosMessage & { from: string };

export const seedAcceptorMachine = setup({
  types: {
    context: {} as SeedAcceptorContext,
    events: {} as Delivered,
    input: {} as SeedAcceptorInput,
    emitted: {} as ActorOutput<SeedPaxosMessage>,
  },
  guards: {
    /** R1 grants everything; R2 grants the first value asked, and that value again. */
    grants: ({ context, event }) => context.reading === "grant-all" || context.promised === null || context.promised === (event as { value: string }).value,
  },
  actions: {
    remember: assign(({ context, event }) => ({ promised: context.reading === "first-come" ? (context.promised ?? (event as { value: string }).value) : null })),
    reply: emit(({ event }, params: { granted: boolean }) => ({
      type: "send" as const,
      to: event.from,
      message: { type: "REPLY" as const, value: (event as { value: string }).value, granted: params.granted },
    })),
    accept: assign(({ context, event }) => {
      const { value } = event as { value: string };
      return { value, votes: context.value === value ? context.votes : [...context.votes, value] };
    }),
  },
}).createMachine({
  id: "seedAcceptor",
  context: ({ input }) => ({ reading: input.reading, promised: null, value: null, votes: [] }),
  initial: "serving",
  states: {
    serving: {
      on: {
        PROMISE: [
          { guard: "grants", actions: ["remember", { type: "reply", params: { granted: true } }] },
          { actions: { type: "reply", params: { granted: false } } },
        ],
        ACCEPT: { actions: "accept" },
      },
    },
  },
});
