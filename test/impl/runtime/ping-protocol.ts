import { assign, emit, setup } from "xstate";
import { z } from "zod";
import type { ActorOutput } from "../../../spec/common/actor-outputs.ts";
import type { NetworkModel, ProtocolDefinition, TimeModel } from "../../../impl/runtime/index.ts";

/**
 * A tiny protocol for the runtime's own tests: a pinger multicasts PING to its ponger(s) when
 * its `go` timer fires and counts PONGs; each ponger answers every PING and stops (a final
 * state) after `stopAfter` of them. Small enough to count its states by hand.
 */
export const pingMessage = z.discriminatedUnion("type", [z.object({ type: z.literal("PING"), n: z.number() }).strict(), z.object({ type: z.literal("PONG"), n: z.number() }).strict()]);
export type PingMessage = z.infer<typeof pingMessage>;

export const pingerMachine = setup({
  types: {
    context: {} as { pongers: string[]; pongs: number },
    events: {} as (PingMessage & { from: string }) | { type: "TIMEOUT"; timer: string },
    input: {} as { pongers: string[] },
    emitted: {} as ActorOutput<PingMessage>,
  },
  actions: {
    setGo: emit({ type: "setTimer" as const, timer: "go" }),
    setSpare: emit({ type: "setTimer" as const, timer: "spare" }),
    cancelSpare: emit({ type: "cancelTimer" as const, timer: "spare" }),
    ping: emit(({ context }) => ({ type: "send" as const, to: context.pongers, message: { type: "PING" as const, n: 1 } })),
    countPong: assign(({ context }) => ({ pongs: context.pongs + 1 })),
  },
}).createMachine({
  context: ({ input }) => ({ pongers: input.pongers, pongs: 0 }),
  initial: "waiting",
  states: {
    waiting: { entry: ["setGo", "setSpare", "cancelSpare"], on: { TIMEOUT: { target: "pinging", actions: "ping" } } },
    pinging: { on: { PONG: { actions: "countPong" } } },
  },
});

export const pongerMachine = setup({
  types: {
    context: {} as { pings: number; stopAfter: number },
    events: {} as PingMessage & { from: string },
    input: {} as { stopAfter: number },
    emitted: {} as ActorOutput<PingMessage>,
  },
  guards: { isLast: ({ context }) => context.pings + 1 >= context.stopAfter },
  actions: {
    pong: emit(({ event }) => ({ type: "send" as const, to: event.from, message: { type: "PONG" as const, n: event.n } })),
    count: assign(({ context }) => ({ pings: context.pings + 1 })),
  },
}).createMachine({
  context: ({ input }) => ({ pings: 0, stopAfter: input.stopAfter }),
  initial: "serving",
  states: {
    serving: { on: { PING: [{ guard: "isLast", target: "stopped", actions: ["pong", "count"] }, { actions: ["pong", "count"] }] } },
    stopped: { type: "final" },
  },
});

export interface PingConfig {
  pongers: number;
  stopAfter: number;
  duplication: NetworkModel["duplication"];
  loss: boolean;
  crashes: number;
  midMulticast: boolean;
  /** Optional parts of the declaration, absent in the base config (the runtime's defaults). */
  partitions?: NetworkModel["partitions"];
  recover?: boolean;
  time?: TimeModel;
}

export const pingProtocol: ProtocolDefinition<PingConfig, PingMessage> = {
  name: "ping",
  roles: { pinger: pingerMachine, ponger: pongerMachine },
  messageSchema: pingMessage,
  describeMessage: (message) => ({ id: `${message.type} ${message.n}`, label: message.type.toLowerCase() }),
  actors: (config) => [
    { name: "Pi", role: "pinger", input: { pongers: Array.from({ length: config.pongers }, (_, i) => `Po${i}`) } },
    ...Array.from({ length: config.pongers }, (_, i) => ({ name: `Po${i}`, role: "ponger", input: { stopAfter: config.stopAfter } })),
  ],
  network: (config) => ({ duplication: config.duplication, loss: config.loss, ...(config.partitions === undefined ? {} : { partitions: config.partitions }) }),
  faults: (config) => ({ crashes: config.crashes, crashable: ["pinger"], midMulticast: config.midMulticast, ...(config.recover === undefined ? {} : { recover: config.recover }) }),
  time: (config) => config.time ?? { kind: "async" },
  invariants: () => [{ name: "pongs never exceed pings sent", holds: (view) => view.actor("Pi").context.pongs <= view.role("ponger").reduce((sum, ponger) => sum + ponger.context.pings, 0) }],
};

export const basePing: PingConfig = { pongers: 2, stopAfter: 1, duplication: "none", loss: false, crashes: 0, midMulticast: false };
