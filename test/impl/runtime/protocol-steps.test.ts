import { describe, expect, it } from "vitest";
import { explore, replay } from "../../../explorer/index.ts";
import { runtimeSystem } from "../../../impl/runtime/index.ts";
import { viewOf } from "../../../impl/runtime/runtime-views.ts";
import { brokenObsoleteClaim } from "../../../impl/runtime/obsolete-messages.ts";
import { InputError } from "../../../spec/common/input-error.ts";
import { registerProtocol, registerServer, type RegisterConfig } from "./register-protocol.ts";

const system = (config: RegisterConfig) => runtimeSystem(registerProtocol, config);
const stepsOf = (built: ReturnType<typeof system>, state: Uint32Array) => built.actions(state).map((action) => built.toStep(action));

describe("protocol step kinds", () => {
  it("are offered per actor and enabled by the machine's own guard; a Schedule writes them as { step, actor, ...fields }", () => {
    const built = system({ servers: 1 });
    let state = built.initial()[0]!;
    expect(stepsOf(built, state)).toEqual([
      { step: "write", actor: "C0", value: "a" },
      { step: "write", actor: "C0", value: "b" },
    ]);
    // Two writes, then the client's guard `hasWritesLeft` fails: no write step is enabled.
    for (let i = 0; i < 2; i++) state = built.step(state, built.actions(state).find((action) => action.kind === "input")!);
    expect(stepsOf(built, state).filter((step) => "step" in step)).toEqual([]);
  });

  it("explores exhaustively and replays a protocol step by its Schedule text", async () => {
    const result = await explore(system({ servers: 1 }), { model: "register" });
    expect(result).toMatchObject({ result: "pass" });
    const built = system({ servers: 1 });
    const replayed = replay(built, { version: 1, model: "register", config: {}, seed: 0, steps: [{ step: "write", actor: "C0", value: "b" }, { deliver: "WRITE 1 b C0->S0", from: "C0", to: "S0" }] });
    expect(replayed.steps.map((step) => step.description)).toEqual(["C0: write value=b", "deliver WRITE 1 b C0->S0"]);
    expect(viewOf(built.runtime, replayed.steps.at(-1)!.state).actor("S0").context).toEqual({ seq: 1, value: "b" });
  });

  it("a protocol step of an unknown kind or with a field its schema refuses is an InputError naming it", () => {
    const built = system({ servers: 1 });
    const initial = built.initial()[0]!;
    expect(() => built.fromStep(initial, { step: "teleport", actor: "C0" } as never)).toThrow(new InputError('step.step: "teleport" is no step kind of register; use one of lie, write'));
    expect(() => built.fromStep(initial, { step: "write", actor: "C0", value: "c" } as never)).toThrow(/^step\.value of a write step: /);
    expect(built.fromStep(initial, { step: "write", actor: "S0", value: "a" } as never)).toBeUndefined();
  });
});

describe("Byzantine actors", () => {
  it("take the protocol's byzantine step kinds, and only they; properties see them as not correct", () => {
    const honest = system({ servers: 2 });
    expect(stepsOf(honest, honest.initial()[0]!).some((step) => "step" in step && step.step === "lie")).toBe(false);
    // S1 runs the liar machine but is not declared Byzantine: no lie is offered to it.
    const undeclared = system({ servers: 2, liars: [1], faults: { byzantine: [] } });
    expect(stepsOf(undeclared, undeclared.initial()[0]!).some((step) => "step" in step && step.step === "lie")).toBe(false);
    const byzantine = system({ servers: 2, liars: [1] });
    const initial = byzantine.initial()[0]!;
    expect(stepsOf(byzantine, initial)).toContainEqual({ step: "lie", actor: "S1", to: "C0", value: "forged" });
    const view = viewOf(byzantine.runtime, initial);
    expect(view.actors.map((actor) => [actor.name, actor.byzantine, actor.correct])).toEqual([
      ["C0", false, true],
      ["S0", false, true],
      ["S1", true, false],
    ]);
  });

  it("one fault budget: Byzantine actors take their part of it before any step, crashes the rest", () => {
    const crashes = (budget: number) => {
      const built = system({ servers: 2, liars: [1], faults: { crashes: 2, budget } });
      return stepsOf(built, built.initial()[0]!).filter((step) => "crash" in step);
    };
    expect(crashes(1)).toEqual([]);
    // The liar is faulty already: it is not crashable, and one crash is left for the others.
    expect(crashes(2)).toEqual([{ crash: "C0" }, { crash: "S0" }]);
    expect(() => system({ servers: 2, liars: [0, 1], faults: { budget: 1 } })).toThrow(/faults\.budget is 1, but 2 actors are Byzantine or omission-faulty/);
    expect(() => system({ servers: 2, faults: { byzantine: ["S7"] } })).toThrow(/faults\.byzantine names "S7", which is no actor/);
  });

  it("a crash is never enabled beyond the budget, on any reachable state", async () => {
    const built = system({ servers: 2, liars: [1], faults: { crashes: 2, budget: 2 } });
    const result = await explore(built, { model: "register" });
    expect(result.result).toBe("pass");
    // Walk every state again: faults taken never exceed the budget.
    const seen = [built.initial()[0]!];
    for (let i = 0; i < seen.length && i < 5000; i++) {
      const state = seen[i]!;
      expect(built.runtime.faultsTaken(state)).toBeLessThanOrEqual(2);
      for (const action of built.actions(state)) seen.push(built.step(state, action));
    }
  });

  it("replay: a Byzantine actor resends what it has seen, to anyone, within the replay budget", () => {
    const built = system({ servers: 3, liars: [2], faults: { replay: { budget: 1 } } });
    let state = built.initial()[0]!;
    expect(stepsOf(built, state).some((step) => "replay" in step)).toBe(false);
    state = built.step(state, built.fromStep(state, { step: "write", actor: "C0", value: "a" } as never)!);
    state = built.step(state, built.fromStep(state, { deliver: "WRITE 1 a C0->S2", from: "C0", to: "S2" } as never)!);
    const replays = stepsOf(built, state).filter((step) => "replay" in step);
    expect(replays).toEqual([
      { replay: "WRITE 1 a S2->C0", from: "S2", to: "C0" },
      { replay: "WRITE 1 a S2->S0", from: "S2", to: "S0" },
      { replay: "WRITE 1 a S2->S1", from: "S2", to: "S1" },
    ]);
    state = built.step(state, built.fromStep(state, replays[1]!)!);
    expect(stepsOf(built, state).some((step) => "replay" in step)).toBe(false);
    expect(viewOf(built.runtime, state).inFlight().filter((entry) => entry.from === "S2")).toEqual([{ from: "S2", to: "S0", message: { type: "WRITE", seq: 1, value: "a" }, copies: 1 }]);
    expect(() => system({ servers: 2, faults: { replay: { budget: 1 } } })).toThrow(/faults\.replay needs at least one Byzantine actor/);
  });

  it("replay with seesNetwork: the adversary knows every message sent, also between correct actors", () => {
    const built = system({ servers: 3, liars: [2], faults: { replay: { budget: 1, seesNetwork: true } } });
    let state = built.initial()[0]!;
    state = built.step(state, built.fromStep(state, { step: "write", actor: "C0", value: "b" } as never)!);
    expect(stepsOf(built, state).filter((step) => "replay" in step)).toHaveLength(3);
  });
});

describe("omission faults", () => {
  it("messages to or from an omission-faulty actor may be dropped, others not (no network loss)", () => {
    const built = system({ servers: 2, faults: { omissive: ["S1"] } });
    let state = built.initial()[0]!;
    state = built.step(state, built.fromStep(state, { step: "write", actor: "C0", value: "a" } as never)!);
    expect(stepsOf(built, state).filter((step) => "drop" in step)).toEqual([{ drop: "WRITE 1 a C0->S1", from: "C0", to: "S1" }]);
    const view = viewOf(built.runtime, state);
    expect(view.actor("S1").correct).toBe(false);
  });
});

describe("FIFO links", () => {
  it("only the head of a link's queue is delivered; a loss does not hold back what follows", () => {
    const built = system({ servers: 1, network: { ordering: "fifo", loss: true } });
    let state = built.initial()[0]!;
    state = built.step(state, built.fromStep(state, { step: "write", actor: "C0", value: "b" } as never)!);
    state = built.step(state, built.fromStep(state, { step: "write", actor: "C0", value: "a" } as never)!);
    const steps = stepsOf(built, state);
    expect(steps.filter((step) => "deliver" in step)).toEqual([{ deliver: "WRITE 1 b C0->S0", from: "C0", to: "S0" }]);
    expect(steps.filter((step) => "drop" in step)).toHaveLength(2);
    state = built.step(state, built.fromStep(state, { drop: "WRITE 1 b C0->S0", from: "C0", to: "S0" } as never)!);
    expect(stepsOf(built, state).filter((step) => "deliver" in step)).toEqual([{ deliver: "WRITE 2 a C0->S0", from: "C0", to: "S0" }]);
  });

  it("FIFO explores fewer states than an unordered network, and the same ones where order cannot matter", async () => {
    const unordered = await explore(system({ servers: 1 }), { model: "register" });
    const fifo = await explore(system({ servers: 1, network: { ordering: "fifo" } }), { model: "register" });
    expect(fifo.distinctStates).toBeLessThan(unordered.distinctStates);
    // Pinned. The 10 states apart are those after a message overtook an earlier one on its link
    // (S0 took WRITE 2 before WRITE 1, or C0 took ACK 2 before ACK 1): FIFO rules them out.
    expect([unordered.distinctStates, fifo.distinctStates]).toEqual([41, 31]);
  });
});

describe("isObsolete: a message the receiver's machine will ignore for ever leaves the network", () => {
  it("a WRITE older than the server's is discarded as soon as it is stale, not delivered", () => {
    const built = system({ servers: 1 });
    let state = built.initial()[0]!;
    state = built.step(state, built.fromStep(state, { step: "write", actor: "C0", value: "a" } as never)!);
    state = built.step(state, built.fromStep(state, { step: "write", actor: "C0", value: "b" } as never)!);
    // The unordered network may deliver WRITE 2 first; WRITE 1 is then obsolete at S0 and leaves.
    state = built.step(state, built.fromStep(state, { deliver: "WRITE 2 b C0->S0", from: "C0", to: "S0" } as never)!);
    expect(viewOf(built.runtime, state).inFlight().map((entry) => entry.message.type)).toEqual(["ACK"]);
  });
});

describe("FIFO: a subset of the unordered network's states", () => {
  it("every state reachable under FIFO is reachable unordered (compared as views, whatever the entries' order)", () => {
    const keys = (config: RegisterConfig) => {
      const built = system(config);
      const seen = new Set<string>();
      const queue = [built.initial()[0]!];
      while (queue.length > 0) {
        const state = queue.pop()!;
        const view = viewOf(built.runtime, state);
        const key = JSON.stringify([view.actors.map((actor) => actor.context), view.inFlight().map((entry) => JSON.stringify([entry.from, entry.to, entry.message, entry.copies])).sort()]);
        if (seen.has(key)) continue;
        seen.add(key);
        for (const action of built.actions(state)) queue.push(built.step(state, action));
      }
      return seen;
    };
    const unordered = keys({ servers: 1 });
    const fifo = keys({ servers: 1, network: { ordering: "fifo" } });
    expect([unordered.size, fifo.size]).toEqual([41, 31]);
    for (const key of fifo) expect(unordered.has(key)).toBe(true);
  });
});

describe("isObsolete claims are checked, not trusted", () => {
  it("a guard that calls a live delivery obsolete is caught by brokenObsoleteClaim", () => {
    const honest = system({ servers: 1 });
    let state = honest.initial()[0]!;
    state = honest.step(state, honest.fromStep(state, { step: "write", actor: "C0", value: "a" } as never)!);
    expect(brokenObsoleteClaim(honest.runtime, state)).toBeUndefined();
    // A server whose guard also calls the next, newer write obsolete: it would lose writes.
    const greedy = registerServer.provide({ guards: { isObsolete: ({ event }) => event.type === "WRITE" } });
    const lying = runtimeSystem({ ...registerProtocol, roles: { ...registerProtocol.roles, server: greedy } }, { servers: 1 });
    let start = lying.initial()[0]!;
    start = lying.step(start, lying.fromStep(start, { step: "write", actor: "C0", value: "a" } as never)!);
    expect(brokenObsoleteClaim(lying.runtime, start)).toBe("S0's isObsolete calls WRITE 1 a from C0 obsolete, but delivering it changes its state or sends");
  });
});

describe("fault and network declarations are checked", () => {
  it.each([
    [{ faults: { budget: -1 } }, /faults\.budget must be a whole number, at least 0/],
    [{ liars: [1], faults: { replay: { budget: 0 } } }, /faults\.replay\.budget must be a whole number, at least 1/],
    [{ network: { ordering: "lifo" as never } }, /network\.ordering must be "unordered" or "fifo"/],
    [{ network: { ordering: "fifo" as const, duplication: "persistent" as const } }, /"fifo" needs network\.duplication "none"/],
  ])("%j is refused, naming the field", (config, message) => {
    expect(() => system({ servers: 2, ...config })).toThrow(message);
  });
});

describe("what a check covers names the new faults", () => {
  it("Byzantine actors and their behaviours, replay, omission, the fault budget and FIFO links", async () => {
    const { runtimeCoverage } = await import("../../../impl/runtime/index.ts");
    const covers = runtimeCoverage(registerProtocol, { servers: 3, liars: [2], network: { ordering: "fifo" }, faults: { omissive: ["S1"], budget: 2, replay: { budget: 1 } } });
    expect(covers.faults).toEqual([
      "no crashes",
      "FIFO links: messages between two actors are delivered in the order sent",
      "the network neither loses nor duplicates messages",
      "Byzantine: S2, driven by the behaviours lie (as its machine's guards allow)",
      "Byzantine actors replay any message sent to them, to anyone",
      "omission faults: any message sent by or to S1 may be lost, also after GST",
    ]);
    expect(covers.budgets).toEqual(["crashes: none", "fault budget f = 2: Byzantine and omission-faulty actors plus crashes, checked on every step", "replays: at most 1 per run"]);
  });
});

describe("a protocol step's label words it in traces and diagrams", () => {
  it("replay describes a step by its kind's label where it has one, else by the Schedule's words", () => {
    const built = system({ servers: 2, liars: [1] });
    const trace = replay(built, { version: 1, model: "register", config: {}, seed: 0, steps: [{ step: "lie", actor: "S1", to: "C0", value: "forged" }, { step: "write", actor: "C0", value: "a" }] });
    expect(trace.steps.map((step) => step.description)).toEqual(["S1: lie forged", "C0: write value=a"]);
  });
});
