import { assign, emit, setup } from "xstate";
import type { ActorOutput } from "../../common/actor-outputs.ts";
import type { RaceMessage } from "./messages.ts";

/**
 * The honest miners as one pool (Nakamoto §11: "the honest chain"): `units` of the hash power,
 * each a `mine` offer (models/hybrid/pow-race-protocol.ts), so that a uniform choice among the
 * enabled steps picks this pool in proportion to its hash power. It extends its own chain and
 * announces each block. A published branch at least `lead` blocks longer than its chain is
 * adopted (longest-chain fork choice; lead 0 adopts a tie, the catch-up reading, lead 1 only a
 * longer branch, the first-seen rule): the payment is reversed. It stops mining when it adopts
 * or when the attacker gives up.
 */
export interface HonestPoolInput {
  units: number;
  attacker: string;
  lead: number;
}

export interface HonestPoolContext extends HonestPoolInput {
  /** Blocks on the honest chain past the payment: the merchant accepts at the z-th. */
  height: number;
}

type Delivered = RaceMessage & { from: string };
type RaceEvent = Delivered | { type: "MINE" };

export const honestPoolMachine = setup({
  types: {
    input: {} as HonestPoolInput,
    context: {} as HonestPoolContext,
    events: {} as RaceEvent,
    emitted: {} as ActorOutput<RaceMessage>,
  },
  guards: {
    /** Longest-chain fork choice, with a tie adopted only under the catch-up reading. */
    isLongEnough: ({ context, event }) => event.type === "BRANCH" && event.length >= context.height + context.lead,
    /** The honest chain only grows: a branch too short now is too short for ever. */
    isObsolete: ({ context, event }) => event.type === "BRANCH" && event.length < context.height + context.lead,
  },
  actions: {
    mine: assign(({ context }) => ({ height: context.height + 1 })),
    announce: emit(({ context }) => ({ type: "send" as const, to: context.attacker, message: { type: "BLOCK" as const, height: context.height } })),
    answerAdopted: emit(({ context, event }) => ({ type: "send" as const, to: context.attacker, message: { type: "ADOPTED" as const, length: (event as { length: number }).length } })),
  },
}).createMachine({
  id: "honest-pool",
  context: ({ input }) => ({ ...input, height: 0 }),
  initial: "mining",
  states: {
    mining: {
      on: {
        MINE: { actions: ["mine", "announce"] },
        BRANCH: { guard: "isLongEnough", target: "reorganised", actions: "answerAdopted" },
        GIVE_UP: { target: "held" },
      },
    },
    /** On the attacker's branch: the payment is gone. */
    reorganised: { type: "final" },
    /** The attacker gave up: the payment stands. */
    held: { type: "final" },
  },
});
