// A consumer's script, run by plain node in a fresh project that installed the packed package:
// a protocol written in plain JavaScript with XState machines, checked through the public API.
import { assign, emit, setup } from "xstate";
import { z } from "zod";
import { check, defineModel, defineProtocol, replay } from "consensus-check";

/** A sends PING to B on start and is done once B's PONG arrives. */
const pinger = setup({
  actions: { ping: emit(({ context }) => ({ type: "send", to: context.peer, message: { type: "PING" } })) },
}).createMachine({
  context: ({ input }) => ({ peer: input.peer }),
  initial: "waiting",
  entry: "ping",
  states: { waiting: { on: { PONG: "done" } }, done: { type: "final" } },
});
/** B answers every PING with a PONG and counts them. */
const ponger = setup({
  actions: {
    count: assign({ pings: ({ context }) => context.pings + 1 }),
    pong: emit(({ event }) => ({ type: "send", to: event.from, message: { type: "PONG" } })),
  },
}).createMachine({
  context: { pings: 0 },
  initial: "listening",
  states: { listening: { on: { PING: { actions: ["count", "pong"] } } } },
});

const pingPong = defineProtocol({
  name: "ping-pong",
  roles: { pinger, ponger },
  messageSchema: z.object({ type: z.enum(["PING", "PONG"]) }),
  describeMessage: (message) => ({ id: message.type, label: message.type }),
  actors: () => [
    { name: "A", role: "pinger", input: { peer: "B" } },
    { name: "B", role: "ponger" },
  ],
  network: () => ({ duplication: "none", loss: false }),
  faults: () => ({ crashes: 0, midMulticast: false }),
  time: () => ({ kind: "async" }),
  // The mutant's invariant wants two PINGs answered where one is: a violation at A's "done".
  invariants: (config) => [{ name: "done only after a ping was answered", holds: (view) => view.actor("A").value !== "done" || view.actor("B").context.pings >= config.answers }],
  sometimes: () => [{ name: "A is done", holds: (view) => view.actor("A").value === "done" }],
});

const configSchema = z.object({ answers: z.number().int().min(1).default(1) }).strict();
const lossless = defineModel({
  name: "ping-pong/lossless",
  description: "One PING answered by one PONG.",
  protocol: pingPong,
  configSchema,
  config: {},
  expected: { result: "pass", distinctStates: 3, maxDepth: 2, transitions: 2, sometimes: { "A is done": 2 } },
});
const mutant = defineModel({
  name: "ping-pong/two_answers",
  description: "An invariant that wants two answers: violated.",
  protocol: pingPong,
  configSchema,
  config: { answers: 2 },
  expected: { result: "violation", property: "done only after a ping was answered", distinctStates: 3, maxDepth: 2 },
});

const passed = await check(lossless);
const failed = await check(mutant);
const { result } = failed;
process.stdout.write(
  `${JSON.stringify({
    pass: { asExpected: passed.asExpected, judgement: passed.judgement, result: passed.result.result, distinctStates: passed.result.distinctStates, maxDepth: passed.result.maxDepth, transitions: passed.result.transitions },
    violation: { asExpected: failed.asExpected, result: result.result, property: result.property, distinctStates: result.distinctStates, maxDepth: result.maxDepth, replayed: replay(mutant, result) },
  })}\n`,
);
