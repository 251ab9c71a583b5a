import { assign, emit, setup } from "xstate";
import { z } from "zod";
import type { ActorOutput } from "../../../spec/common/actor-outputs.ts";
import type { NetworkModel, ProtocolDefinition, TimeModel } from "../../../impl/runtime/index.ts";

/**
 * A race between a message and a timer, for the runtime's time model: a sender S sends one HELLO
 * to a receiver R at its start and keeps a `tick` timer that only sets itself again (a clock: its
 * expiries are steps that change nothing but let time pass); R counts HELLOs while it waits and
 * gives up (a final state) when its `patience` timer expires. Under "async" R may give up with
 * the HELLO still in flight at any moment; under partial synchrony, after GST, not once the
 * HELLO is more than Δ steps old.
 */
export const raceMessage = z.object({ type: z.literal("HELLO") }).strict();
export type RaceMessage = z.infer<typeof raceMessage>;

const senderMachine = setup({
  types: { events: {} as { type: "TIMEOUT"; timer: string }, emitted: {} as ActorOutput<RaceMessage> },
  actions: {
    hello: emit({ type: "send" as const, to: "R", message: { type: "HELLO" as const } }),
    tick: emit({ type: "setTimer" as const, timer: "tick" }),
  },
}).createMachine({
  initial: "running",
  states: { running: { entry: ["hello", "tick"], on: { TIMEOUT: { actions: "tick" } } } },
});

const receiverMachine = setup({
  types: {
    context: {} as { hellos: number },
    events: {} as (RaceMessage & { from: string }) | { type: "TIMEOUT"; timer: string },
    emitted: {} as ActorOutput<RaceMessage>,
  },
  actions: {
    wait: emit({ type: "setTimer" as const, timer: "patience" }),
    count: assign(({ context }) => ({ hellos: context.hellos + 1 })),
  },
}).createMachine({
  context: { hellos: 0 },
  initial: "waiting",
  states: {
    waiting: { entry: "wait", on: { HELLO: { actions: "count" }, TIMEOUT: { target: "gaveUp" } } },
    gaveUp: { type: "final" },
  },
});

export interface RaceConfig {
  time: TimeModel;
  crashes: number;
  loss: boolean;
  partitions?: NetworkModel["partitions"];
}

export const raceProtocol: ProtocolDefinition<RaceConfig, RaceMessage> = {
  name: "race",
  roles: { sender: senderMachine, receiver: receiverMachine },
  messageSchema: raceMessage,
  describeMessage: (message) => ({ id: message.type, label: message.type.toLowerCase() }),
  actors: () => [
    { name: "S", role: "sender" },
    { name: "R", role: "receiver" },
  ],
  network: (config) => ({ duplication: "none", loss: config.loss, ...(config.partitions === undefined ? {} : { partitions: config.partitions }) }),
  faults: (config) => ({ crashes: config.crashes, crashable: ["sender"], midMulticast: false }),
  time: (config) => config.time,
  invariants: () => [],
};

export const partialSync = (delta: number): RaceConfig => ({ time: { kind: "partial-sync", delta }, crashes: 0, loss: false });
