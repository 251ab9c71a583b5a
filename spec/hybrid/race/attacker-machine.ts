import { assign, emit, setup } from "xstate";
import type { ActorOutput } from "../../common/actor-outputs.ts";
import type { RaceMessage } from "./messages.ts";

/**
 * The double-spending attacker (Nakamoto §11): `units` of the hash power, mining a private
 * branch from the payment's parent. It learns the honest chain's height from the pool's
 * announcements; once the merchant has accepted (the honest chain at `confirmations`) and its
 * branch leads the honest chain by `lead` as far as it knows, it publishes the branch — and
 * mines on, since what it knows may be stale. It gives up once it knows the merchant has
 * accepted and it is `giveUpBehind` blocks behind, and stops when the pool adopts its branch.
 */
export interface AttackerInput {
  units: number;
  honest: string;
  confirmations: number;
  lead: number;
  giveUpBehind: number;
}

export interface AttackerContext extends AttackerInput {
  /** Blocks on the private branch. */
  branch: number;
  /** The honest chain's height as last announced. */
  honestKnown: number;
}

type Delivered = RaceMessage & { from: string };
type RaceEvent = Delivered | { type: "MINE" };

/** Whether, by what it knows, the merchant has accepted and the branch leads by `lead`. */
function isAhead(context: AttackerContext, branch: number, honest: number): boolean {
  return honest >= context.confirmations && branch >= honest + context.lead;
}

const announced = (event: RaceEvent): number => (event as { height: number }).height;

export const attackerMachine = setup({
  types: {
    input: {} as AttackerInput,
    context: {} as AttackerContext,
    events: {} as RaceEvent,
    emitted: {} as ActorOutput<RaceMessage>,
  },
  guards: {
    isAheadAfterBlock: ({ context }) => isAhead(context, context.branch + 1, context.honestKnown),
    isNewer: ({ context, event }) => event.type === "BLOCK" && event.height > context.honestKnown,
    /** Only once the merchant has accepted (as the idealised race and the ghost history decide): before that, a deficit may still be made up. */
    isFarBehind: ({ context, event }) => event.type === "BLOCK" && announced(event) >= context.confirmations && announced(event) - context.branch >= context.giveUpBehind,
    isNewerAndAhead: ({ context, event }) => event.type === "BLOCK" && event.height > context.honestKnown && isAhead(context, context.branch, event.height),
    /** Announcements only grow: one not above the last known height changes nothing, now or later. */
    isObsolete: ({ context, event }) => event.type === "BLOCK" && event.height <= context.honestKnown,
  },
  actions: {
    mine: assign(({ context }) => ({ branch: context.branch + 1 })),
    learn: assign(({ event }) => ({ honestKnown: announced(event) })),
    publish: emit(({ context }) => ({ type: "send" as const, to: context.honest, message: { type: "BRANCH" as const, length: context.branch } })),
    giveUp: emit(({ context }) => ({ type: "send" as const, to: context.honest, message: { type: "GIVE_UP" as const } })),
  },
}).createMachine({
  id: "attacker",
  context: ({ input }) => ({ ...input, branch: 0, honestKnown: 0 }),
  initial: "mining",
  states: {
    mining: {
      on: {
        MINE: [{ guard: "isAheadAfterBlock", actions: ["mine", "publish"] }, { actions: "mine" }],
        BLOCK: [
          { guard: "isFarBehind", target: "gaveUp", actions: "giveUp" },
          { guard: "isNewerAndAhead", actions: ["learn", "publish"] },
          { guard: "isNewer", actions: "learn" },
        ],
        ADOPTED: { target: "won" },
      },
    },
    /** The pool adopted the branch: the double spend succeeded. */
    won: { type: "final" },
    /** Too far behind: the branch is abandoned. */
    gaveUp: { type: "final" },
  },
});
