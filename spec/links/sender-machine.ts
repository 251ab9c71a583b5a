import { assign, emit, setup } from "xstate";
import type { ActorOutput } from "../common/actor-outputs.ts";
import type { LinkMessage } from "./messages.ts";

/**
 * The sending end of a retransmitting link (fair-loss links made reliable by retransmission:
 * Cachin, Guerraoui and Rodrigues, "Introduction to Reliable and Secure Distributed
 * Programming", §2.4, "stubborn links"): send DATA, arm the timer, resend on every expiry
 * until the ACK arrives. The resends are bounded (`retransmissions`): an unbounded sender
 * would put unboundedly many copies in flight, so a sender that used them all is the model's
 * cut-off, where liveness stops being judged. `resendOnTimeout: false` is a mutant that
 * re-arms its timer without resending, a bug that loses liveness for good once the only copy
 * is lost.
 */
export const senderMachine = setup({
  types: {
    context: {} as { receiver: string; retransmissions: number; resent: number; resendOnTimeout: boolean },
    events: {} as (LinkMessage & { from: string }) | { type: "TIMEOUT"; timer: string },
    input: {} as { receiver: string; retransmissions: number; resendOnTimeout: boolean },
    emitted: {} as ActorOutput<LinkMessage>,
  },
  guards: {
    resendsOnTimeout: ({ context }) => context.resendOnTimeout,
    mayResend: ({ context }) => context.resendOnTimeout && context.resent < context.retransmissions,
  },
  actions: {
    sendData: emit(({ context }) => ({ type: "send" as const, to: context.receiver, message: { type: "DATA" as const } })),
    armTimer: emit({ type: "setTimer" as const, timer: "retransmit" }),
    disarmTimer: emit({ type: "cancelTimer" as const, timer: "retransmit" }),
    countResend: assign(({ context }) => ({ resent: context.resent + 1 })),
  },
}).createMachine({
  id: "sender",
  context: ({ input }) => ({ ...input, resent: 0 }),
  initial: "waiting",
  entry: ["sendData", "armTimer"],
  states: {
    waiting: {
      on: {
        ACK: { target: "acknowledged", actions: "disarmTimer" },
        TIMEOUT: [
          { guard: "mayResend", actions: ["sendData", "countResend", "armTimer"] },
          // Every resend used: the model's bound (the cut-off), not a protocol decision.
          { guard: "resendsOnTimeout", target: "exhausted" },
          // The mutant: the timer is re-armed, nothing is resent.
          { actions: "armTimer" },
        ],
      },
    },
    exhausted: { on: { ACK: { target: "acknowledged" } } },
    acknowledged: { type: "final" },
  },
});
