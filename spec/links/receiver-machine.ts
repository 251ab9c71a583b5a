import { assign, emit, setup } from "xstate";
import type { ActorOutput } from "../common/actor-outputs.ts";
import type { LinkMessage } from "./messages.ts";

/** The receiving end: it takes the payload and acknowledges every DATA, copies included (an ACK may have been lost). */
export const receiverMachine = setup({
  types: {
    context: {} as { received: boolean },
    events: {} as LinkMessage & { from: string },
    emitted: {} as ActorOutput<LinkMessage>,
  },
  actions: {
    acknowledge: emit(({ event }) => ({ type: "send" as const, to: event.from, message: { type: "ACK" as const } })),
    takePayload: assign({ received: true }),
  },
}).createMachine({
  id: "receiver",
  context: { received: false },
  initial: "listening",
  states: { listening: { on: { DATA: { actions: ["takePayload", "acknowledge"] } } } },
});
