import { assign, enqueueActions, setup } from "xstate";
import { z } from "zod";
import type { ActorOutput } from "../../../spec/common/actor-outputs.ts";
import type { FaultModel, NetworkModel, ProtocolDefinition } from "../../../impl/runtime/index.ts";

/**
 * A small register for the runtime's protocol steps and faults: a client takes `write` steps (at
 * most two: its machine's guard) and multicasts WRITE(seq, value) to the servers; a server keeps
 * the newest write and acknowledges it, and declares older writes obsolete (`isObsolete`); a
 * Byzantine server ("liar") runs a strategy machine of its own whose `lie` step sends the client
 * a forged ACK, once.
 */
export const registerMessage = z.discriminatedUnion("type", [
  z.object({ type: z.literal("WRITE"), seq: z.number(), value: z.string() }).strict(),
  z.object({ type: z.literal("ACK"), seq: z.number(), value: z.string() }).strict(),
]);
export type RegisterMessage = z.infer<typeof registerMessage>;
type Delivered = RegisterMessage & { from: string };

export const registerClient = setup({
  types: {
    context: {} as { servers: string[]; seq: number; acks: string[] },
    events: {} as Delivered | { type: "WRITE_REQUEST"; value: string },
    input: {} as { servers: string[] },
    emitted: {} as ActorOutput<RegisterMessage>,
  },
  guards: { hasWritesLeft: ({ context }) => context.seq < 2 },
  actions: {
    write: enqueueActions(({ context, event, enqueue }) => {
      if (event.type !== "WRITE_REQUEST") return;
      enqueue.assign({ seq: context.seq + 1 });
      enqueue.emit({ type: "send", to: context.servers, message: { type: "WRITE", seq: context.seq + 1, value: event.value } });
    }),
    recordAck: assign(({ context, event }) => ({ acks: event.type === "ACK" ? [...context.acks, `${event.from}:${event.value}`] : context.acks })),
  },
}).createMachine({
  context: ({ input }) => ({ servers: input.servers, seq: 0, acks: [] }),
  initial: "ready",
  states: { ready: { on: { WRITE_REQUEST: { guard: "hasWritesLeft", actions: "write" }, ACK: { actions: "recordAck" } } } },
});

export const registerServer = setup({
  types: { context: {} as { seq: number; value: string | null }, events: {} as Delivered, emitted: {} as ActorOutput<RegisterMessage> },
  guards: {
    isNewer: ({ context, event }) => event.type === "WRITE" && event.seq > context.seq,
    /** A write no newer than the one kept is ignored now and for ever (seq only grows). */
    isObsolete: ({ context, event }) => event.type === "WRITE" && event.seq <= context.seq,
  },
  actions: {
    keep: enqueueActions(({ event, enqueue }) => {
      enqueue.assign({ seq: event.seq, value: event.value });
      enqueue.emit({ type: "send", to: event.from, message: { type: "ACK", seq: event.seq, value: event.value } });
    }),
  },
}).createMachine({
  context: { seq: 0, value: null },
  initial: "serving",
  states: { serving: { on: { WRITE: { guard: "isNewer", actions: "keep" } } } },
});

export const registerLiar = setup({
  types: {
    context: {} as { lies: number },
    events: {} as Delivered | { type: "LIE"; to: string; value: string },
    emitted: {} as ActorOutput<RegisterMessage>,
  },
  guards: { canLie: ({ context }) => context.lies < 1 },
  actions: {
    lie: enqueueActions(({ context, event, enqueue }) => {
      if (event.type !== "LIE") return;
      enqueue.assign({ lies: context.lies + 1 });
      enqueue.emit({ type: "send", to: event.to, message: { type: "ACK", seq: 1, value: event.value } });
    }),
  },
}).createMachine({
  context: { lies: 0 },
  initial: "plotting",
  states: { plotting: { on: { LIE: { guard: "canLie", actions: "lie" } } } },
});

export interface RegisterConfig {
  servers: number;
  /** Server i is the liar (a Byzantine actor running registerLiar) when listed. */
  liars?: number[];
  network?: Partial<NetworkModel>;
  faults?: Partial<FaultModel>;
}

export const registerProtocol: ProtocolDefinition<RegisterConfig, RegisterMessage> = {
  name: "register",
  roles: { client: registerClient, server: registerServer, liar: registerLiar },
  messageSchema: registerMessage,
  describeMessage: (message) => ({ id: `${message.type} ${message.seq} ${message.value}`, label: message.type.toLowerCase() }),
  actors: (config) => {
    const servers = Array.from({ length: config.servers }, (_, i) => `S${i}`);
    return [{ name: "C0", role: "client", input: { servers } }, ...servers.map((name, i) => ({ name, role: config.liars?.includes(i) === true ? "liar" : "server" }))];
  },
  network: (config) => ({ duplication: "none", loss: false, ...config.network }),
  faults: (config) => ({ crashes: 0, midMulticast: false, byzantine: (config.liars ?? []).map((i) => `S${i}`), ...config.faults }),
  time: () => ({ kind: "async" }),
  invariants: () => [{ name: "a correct server keeps a value the client wrote", holds: (view) => view.role("server").every((server) => !server.correct || server.context.value === null || ["a", "b"].includes(server.context.value)) }],
  steps: {
    write: {
      description: "The client writes a value to every server.",
      fields: z.object({ value: z.enum(["a", "b"]) }).strict(),
      roles: ["client"],
      offers: () => [{ value: "a" }, { value: "b" }],
      event: (fields) => ({ type: "WRITE_REQUEST", value: fields.value as string }),
    },
    lie: {
      description: "A Byzantine server acknowledges a value nobody wrote.",
      fields: z.object({ to: z.string(), value: z.string() }).strict(),
      roles: ["liar"],
      byzantine: true,
      offers: () => [{ to: "C0", value: "forged" }],
      event: (fields) => ({ type: "LIE", to: fields.to as string, value: fields.value as string }),
      label: (fields) => `lie ${String(fields.value)}`,
    },
  },
};
