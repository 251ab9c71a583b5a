import { describe, expect, it } from "vitest";
import { explore, replay } from "../../../explorer/index.ts";
import { runtimeSystem } from "../../../impl/runtime/index.ts";
import type { ProtocolDefinition, RuntimeView } from "../../../impl/runtime/index.ts";
import { viewOf } from "../../../impl/runtime/runtime-views.ts";
import { basePing, pingProtocol, type PingConfig, type PingMessage } from "./ping-protocol.ts";

const system = (config: Partial<PingConfig> = {}) => runtimeSystem(pingProtocol, { ...basePing, ...config });

function walk(config: Partial<PingConfig>, choose: (steps: string[]) => number, length: number) {
  const built = system(config);
  let state = built.initial()[0]!;
  const taken: string[] = [];
  for (let i = 0; i < length; i++) {
    const actions = built.actions(state);
    if (actions.length === 0) break;
    const steps = actions.map((action) => JSON.stringify(built.toStep(action)));
    const pick = choose(steps);
    taken.push(steps[pick]!);
    state = built.step(state, actions[pick]!);
  }
  return { built, state, taken };
}

describe("the runtime carries out what machines emit", () => {
  it("initial state: entry outputs carried out in order (a timer set and a second one set then cancelled)", () => {
    const built = system();
    const [initial] = built.initial();
    expect(built.actions(initial!).map((action) => built.toStep(action))).toEqual([{ timeout: "Pi", timer: "go" }]);
    expect(built.describeParticipants!(initial!)).toEqual({ Pi: "waiting", Po0: "serving", Po1: "serving" });
  });

  it("a timer's expiry multicasts PING; each delivery is a step with structured endpoints; a ponger that stops is deaf", async () => {
    const { built, state, taken } = walk({}, () => 0, 10);
    expect(taken[0]).toBe('{"timeout":"Pi","timer":"go"}');
    expect(taken[1]).toBe('{"deliver":"PING 1 Pi->Po0","from":"Pi","to":"Po0"}');
    expect(built.actions(state)).toEqual([]);
    expect(built.describeParticipants!(state)).toEqual({ Pi: "pinging", Po0: "stopped", Po1: "stopped" });
    // Exhaustively: the initial state, then each ponger's PING pending, its PONG pending, or its
    // PONG delivered (3 × 3), in any order: 10 states, depth 5.
    const result = await explore(built, { model: "ping" });
    expect(result).toMatchObject({ result: "pass", distinctStates: 10, maxDepth: 5, statesPerDepth: [1, 1, 2, 3, 2, 1] });
  });

  it("passes the protocol's sometimes through, over the same view as its invariants", async () => {
    const reaching: ProtocolDefinition<PingConfig, PingMessage> = {
      ...pingProtocol,
      sometimes: (config) => [
        { name: "every ponger stopped", holds: (view) => view.role("ponger").length === config.pongers && view.role("ponger").every((ponger) => ponger.value === "stopped") },
        { name: "a ponger crashed", holds: (view) => view.role("ponger").some((ponger) => ponger.crashed) },
      ],
    };
    const result = await explore(runtimeSystem(reaching, basePing), { model: "ping" });
    // Go, then each ponger's PING delivered: 3 steps. Nothing may crash (crashes: 0).
    expect(result.sometimes?.map((entry) => [entry.name, entry.discovered, entry.witness?.steps.length])).toEqual([
      ["every ponger stopped", true, 3],
      ["a ponger crashed", false, undefined],
    ]);
    expect((await explore(system(), { model: "ping" })).sometimes).toBeUndefined();
  });

  it("messages to a crashed or finished actor are discarded, not kept in flight", async () => {
    const crashy = system({ crashes: 1 });
    const result = await explore(crashy, { model: "ping" });
    expect(result.result).toBe("pass");
    const { built, state } = walk({ crashes: 1 }, (steps) => steps.findIndex((step) => step.startsWith('{"crash"')), 1);
    expect(built.describeParticipants!(state)).toMatchObject({ Pi: "crashed" });
    expect(built.actions(state)).toEqual([]);
  });

  it("a crash part-way through a multicast keeps only a prefix of its sends", () => {
    const { built, state, taken } = walk({ crashes: 1, midMulticast: true }, (steps) => Math.max(0, steps.indexOf('{"timeout":"Pi","timer":"go","crashAfter":1}')), 1);
    expect(taken).toEqual(['{"timeout":"Pi","timer":"go","crashAfter":1}']);
    expect(built.actions(state).map((action) => built.toStep(action))).toEqual([{ deliver: "PING 1 Pi->Po0", from: "Pi", to: "Po0" }]);
  });

  it("loss: any message may be dropped instead of delivered", () => {
    const { built, state } = walk({ loss: true }, () => 0, 1);
    expect(built.actions(state).map((action) => built.toStep(action))).toContainEqual({ drop: "PING 1 Pi->Po1", from: "Pi", to: "Po1" });
    const dropped = built.step(state, built.actions(state).find((action) => JSON.stringify(built.toStep(action)).startsWith('{"drop":"PING 1 Pi->Po1"'))!);
    expect(built.actions(dropped).map((action) => JSON.stringify(built.toStep(action))).some((step) => step.includes("Po1"))).toBe(false);
  });

  it("a persistent network keeps a delivered message deliverable: one PONG counted twice breaks an at-most-once assumption", async () => {
    const result = await explore(system({ duplication: "persistent", stopAfter: 2, pongers: 1 }), { model: "ping" });
    expect(result).toMatchObject({ result: "violation", property: "pongs never exceed pings sent", distinctStates: 7 });
    expect(result.counterexample!.steps).toEqual([
      { timeout: "Pi", timer: "go" },
      { deliver: "PING 1 Pi->Po0", from: "Pi", to: "Po0" },
      { deliver: "PONG 1 Po0->Pi", from: "Po0", to: "Pi" },
      { deliver: "PONG 1 Po0->Pi", from: "Po0", to: "Pi" },
    ]);
    const { built, state } = walk({ duplication: "persistent", stopAfter: 2, pongers: 1 }, () => 0, 2);
    expect(built.describeParticipants!(state)).toMatchObject({ Po0: "serving" });
    expect(built.actions(state).map((action) => built.toStep(action))[0]).toEqual({ deliver: "PING 1 Pi->Po0", from: "Pi", to: "Po0" });
  });

  it("encode is the state's bytes and decode reads them back from any offset", () => {
    const { built, state } = walk({}, () => 0, 3);
    const bytes = built.encode(state);
    const arena = new Uint8Array(bytes.length + 3);
    arena.set(bytes, 3);
    expect(built.decode!(arena, 3)).toEqual(state);
    const target = new Uint8Array(built.encodedLength!);
    expect(built.encodeInto!(state, target)).toBe(bytes.length);
    expect(target.subarray(0, bytes.length)).toEqual(bytes);
  });

  it("actions come in the order of their steps' text, whatever order the runtime met the messages in", () => {
    // One build answers Po0's PING first, the other Po1's: their PONGs are interned in opposite
    // orders, yet both list the deliveries alike (a path replays by action indices in any build).
    const answer = (first: string) => (steps: string[]) => Math.max(0, steps.findIndex((step) => step.includes(`PING 1 Pi->${first}`)));
    const deliveries = ({ built, state }: ReturnType<typeof walk>) => built.actions(state).map((action) => built.toStep(action));
    const po0First = walk({ stopAfter: 2 }, answer("Po0"), 3);
    const po1First = walk({ stopAfter: 2 }, answer("Po1"), 3);
    expect(po0First.taken.slice(1)).toEqual(['{"deliver":"PING 1 Pi->Po0","from":"Pi","to":"Po0"}', '{"deliver":"PING 1 Pi->Po1","from":"Pi","to":"Po1"}']);
    expect(po1First.taken.slice(1)).toEqual(['{"deliver":"PING 1 Pi->Po1","from":"Pi","to":"Po1"}', '{"deliver":"PING 1 Pi->Po0","from":"Pi","to":"Po0"}']);
    const expected = [
      { deliver: "PONG 1 Po0->Pi", from: "Po0", to: "Pi" },
      { deliver: "PONG 1 Po1->Pi", from: "Po1", to: "Pi" },
    ];
    expect(deliveries(po0First)).toEqual(expected);
    expect(deliveries(po1First)).toEqual(expected);
  });

  it("toStep and fromStep round-trip, and a counterexample replays", () => {
    const { built, taken } = walk({ crashes: 1, midMulticast: true, loss: true }, (steps) => steps.length - 1, 4);
    let state = built.initial()[0]!;
    for (const step of taken) {
      const action = built.fromStep(state, JSON.parse(step));
      expect(action).toBeDefined();
      state = built.step(state, action!);
    }
    expect(built.fromStep(built.initial()[0]!, { deliver: "PING 1 Pi->Po0", from: "Pi", to: "Po0" })).toBeUndefined();
    const trace = replay(built, { version: 1, model: "ping", config: {}, seed: 0, steps: taken.map((step) => JSON.parse(step)) });
    expect(trace.steps).toHaveLength(taken.length);
    expect(built.describeState!(state)).toContain("Pi:");
  });
});

describe("a protocol's ghost history", () => {
  /** The order in which pongers stopped: a fact about the past no actor keeps. */
  const stopOrder = {
    initial: [] as string[],
    next(history: string[], view: RuntimeView): string[] {
      expect(view.history).toEqual(history);
      const stopped = view.role("ponger").filter((ponger) => ponger.value === "stopped" && !history.includes(ponger.name));
      return stopped.length === 0 ? history : [...history, ...stopped.map((ponger) => ponger.name)];
    },
  };
  const withHistory = (invariants: ProtocolDefinition<PingConfig, PingMessage>["invariants"] = () => []) => runtimeSystem({ ...pingProtocol, history: stopOrder, invariants }, basePing);

  it("is part of the state: the two orders in which the pongers stop are different states (14, not 10)", async () => {
    const result = await explore(withHistory(), { model: "ping" });
    expect(result).toMatchObject({ result: "pass", distinctStates: 14, maxDepth: 5 });
    const built = withHistory();
    let state = built.initial()[0]!;
    expect(viewOf(built.runtime, state).history).toEqual([]);
    for (const step of [{ timeout: "Pi", timer: "go" }, { deliver: "PING 1 Pi->Po1", from: "Pi", to: "Po1" }, { deliver: "PING 1 Pi->Po0", from: "Pi", to: "Po0" }]) state = built.step(state, built.fromStep(state, step)!);
    expect(viewOf(built.runtime, state).history).toEqual(["Po1", "Po0"]);
    const arena = built.encode(state);
    expect(built.decode!(arena, 0)).toEqual(state);
  });

  it("properties read it as view.history", async () => {
    const result = await explore(withHistory(() => [{ name: "Po0 stops first", holds: (view) => (view.history as string[])[0] !== "Po1" }]), { model: "ping" });
    expect(result.counterexample!.steps).toEqual([
      { timeout: "Pi", timer: "go" },
      { deliver: "PING 1 Pi->Po1", from: "Pi", to: "Po1" },
    ]);
  });

  it("is absent from the view of a protocol that declares none", () => {
    const built = system();
    expect(viewOf(built.runtime, built.initial()[0]!).history).toBeUndefined();
  });
});

describe("the runtime refuses what it cannot run", () => {
  const broken = (change: Partial<ProtocolDefinition<PingConfig, PingMessage>>) => () => runtimeSystem({ ...pingProtocol, ...change }, basePing);

  it("bad declarations: no actors, a bad or duplicate name, an undeclared role", () => {
    expect(broken({ actors: () => [] })).toThrow(/a model has 1 to 32 actors, this one 0/);
    expect(broken({ actors: () => [{ name: "1x", role: "pinger" }] })).toThrow(/actor name "1x" must be a letter/);
    expect(broken({ actors: () => [{ name: "A", role: "ponger", input: { stopAfter: 1 } }, { name: "A", role: "ponger", input: { stopAfter: 1 } }] })).toThrow(/two actors are named A/);
    expect(broken({ actors: () => [{ name: "A", role: "nobody" }] })).toThrow(/has the role nobody, which the protocol does not declare/);
  });

  it("a message its schema rejects, a send to no actor, an unknown output: errors naming the actor", () => {
    const strict = runtimeSystem({ ...pingProtocol, messageSchema: pingProtocol.messageSchema.refine((message) => message.type !== "PING", "no pings") as never }, basePing);
    const [initial] = strict.initial();
    expect(() => strict.step(initial!, strict.actions(initial!)[0]!)).toThrow(/a machine sent a message its protocol's schema rejects: \{"n":1,"type":"PING"\} \(no pings\)/);
    const lonely = runtimeSystem({ ...pingProtocol, actors: () => [{ name: "Pi", role: "pinger", input: { pongers: ["Ghost"] } }] }, basePing);
    const [alone] = lonely.initial();
    expect(() => lonely.step(alone!, lonely.actions(alone!)[0]!)).toThrow(/Pi sent PING to Ghost, which is no actor of this model/);
  });
});

describe("what a machine may emit and what properties may ask", () => {
  it("outputs other than send, setTimer and cancelTimer, or malformed sends, are errors naming the actor", async () => {
    const { machineOutputs } = await import("../../../impl/runtime/machine-outputs.ts");
    const emit = (event: unknown) => [{ type: "xstate.emit", params: { event } }];
    expect(() => machineOutputs(emit({ type: "send", to: 3, message: { type: "X" } }), "P0")).toThrow(/P0 emitted a send whose "to" is not an actor name/);
    expect(() => machineOutputs(emit({ type: "send", to: "A", message: { kind: "X" } }), "P0")).toThrow(/P0 emitted a send without a message that has a string "type"/);
    expect(() => machineOutputs(emit({ type: "shout" }), "P0")).toThrow(/P0 emitted \{"type":"shout"\}; a machine emits only send, setTimer and cancelTimer/);
    expect(machineOutputs([{ type: "xstate.assign" }, ...emit({ type: "cancelTimer", timer: "t" })], "P0")).toEqual([{ type: "cancelTimer", timer: "t" }]);
  });

  it("the view names actors, roles and in-flight messages; an unknown name is an error", async () => {
    const { viewOf } = await import("../../../impl/runtime/runtime-views.ts");
    const { built, state } = walk({}, () => 0, 1);
    const view = viewOf(built.runtime, state);
    expect(view.role("ponger").map((actor) => actor.name)).toEqual(["Po0", "Po1"]);
    expect(view.inFlight()).toEqual([
      { from: "Pi", to: "Po0", message: { type: "PING", n: 1 }, copies: 1 },
      { from: "Pi", to: "Po1", message: { type: "PING", n: 1 }, copies: 1 },
    ]);
    expect(() => view.actor("Nobody")).toThrow(/no actor named Nobody/);
  });

  it("a machine whose guard throws fails the step (the explorer turns it into an error Result)", () => {
    const failing = runtimeSystem(
      {
        ...pingProtocol,
        invariants: () => [],
        summarise: (actor) => `${actor.name}!`,
        roles: {
          ...pingProtocol.roles,
          ponger: pingProtocol.roles.ponger!.provide({
            guards: {
              isLast: () => {
                throw new Error("boom");
              },
            },
          }),
        },
      },
      basePing,
    );
    let state = failing.initial()[0]!;
    expect(failing.describeParticipants!(state)).toEqual({ Pi: "Pi!", Po0: "Po0!", Po1: "Po1!" });
    state = failing.step(state, failing.actions(state)[0]!);
    expect(() => failing.step(state, failing.actions(state)[0]!)).toThrow(/^Po0's machine failed on the event PING: Unable to evaluate guard 'isLast'[\s\S]*boom$/);
  });
});

describe("a checkpoint of a runtime model resumes in another process", () => {
  it("carries the interning tables: a fresh build resumed from any checkpoint reaches the uninterrupted figures", async () => {
    const config = { crashes: 1, midMulticast: true, loss: true };
    const uninterrupted = await explore(system(config), { model: "ping" });
    const saves: Uint8Array[] = [];
    await explore(system(config), { model: "ping", checkpoint: { everySeconds: 0, save: (bytes) => void saves.push(bytes), identity: "t" } });
    expect(saves.length).toBeGreaterThan(3);
    for (const bytes of saves) {
      // A fresh build has interned nothing: without the tables its ids would mean nothing.
      const resumed = await explore(system(config), { model: "ping", resumeFrom: bytes, checkpoint: { everySeconds: Infinity, save: () => undefined, identity: "t" } });
      expect({ ...resumed, seconds: 0, statesPerSecond: 0 }).toEqual({ ...uninterrupted, seconds: 0, statesPerSecond: 0 });
    }
  });

  it("a checkpoint without the tables, or tables given to a system that has none, is refused as corrupt", async () => {
    const saves: Uint8Array[] = [];
    await explore(system(), { model: "ping", checkpoint: { everySeconds: 0, save: (bytes) => void saves.push(bytes), identity: "t" } });
    const { systemContext: _context, ...withoutContext } = system();
    await expect(explore(withoutContext, { model: "ping", resumeFrom: saves[1], checkpoint: { everySeconds: Infinity, save: () => undefined, identity: "t" } })).rejects.toThrow(
      /checkpoint: truncated or corrupt \(system\.context: saved by a system with a context, this one has none\)/,
    );
    const noContextSaves: Uint8Array[] = [];
    await explore(withoutContext, { model: "ping", checkpoint: { everySeconds: 0, save: (bytes) => void noContextSaves.push(bytes), identity: "t" } });
    await expect(explore(system(), { model: "ping", resumeFrom: noContextSaves[1], checkpoint: { everySeconds: Infinity, save: () => undefined, identity: "t" } })).rejects.toThrow(
      /system\.context: missing, and this system's states need it/,
    );
  });

  it("tables load only into a fresh runtime", () => {
    const built = system();
    built.initial();
    expect(() => built.systemContext!.restore(built.systemContext!.save())).toThrow(/tables can only be loaded into a fresh runtime/);
  });
});
