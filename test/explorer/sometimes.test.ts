import { describe, expect, it } from "vitest";
import { explore, replay, resultSchema, type Result } from "../../explorer/index.ts";
import type { Invariant, TransitionSystem } from "../../explorer/transition-system.ts";
import { graphSystem, gridSystem, notAt, reaches, reachesNode } from "./tiny-systems.ts";

const to = (...nodes: number[]) => nodes.map((node) => ({ deliver: `to ${node}` }));

/** The state a witness leads to, replayed from the first initial state. */
function endOf<S, A>(system: TransitionSystem<S, A>, entry: NonNullable<Result["sometimes"]>[number]): S {
  const trace = replay(system, entry.witness!);
  return trace.steps.length === 0 ? trace.initial.state : trace.steps[trace.steps.length - 1]!.state;
}

/** `property` with a counter of the states it was asked about. */
function counting<S>(property: Invariant<S>): Invariant<S> & { calls: number } {
  const counted = { name: property.name, calls: 0, holds: (state: S) => (counted.calls++, property.holds(state)) };
  return counted;
}

describe("sometimes properties under BFS", () => {
  it("reports each with a shortest witness that replays to a state where it holds", async () => {
    const grid = { ...gridSystem(6), sometimes: [reaches(3, 2), reaches(6, 6), reaches(0, 0)] };
    const result = await explore(grid, { model: "grid" });
    expect(resultSchema.parse(result)).toEqual(result);
    expect(result.result).toBe("pass");
    expect(result.sometimes?.map(({ name, discovered, witness }) => [name, discovered, witness?.steps.length])).toEqual([
      ["reaches (3,2)", true, 5],
      ["reaches (6,6)", true, 12],
      ["reaches (0,0)", true, 0],
    ]);
    expect(endOf(grid, result.sometimes![0]!)).toEqual([3, 2]);
    expect(endOf(grid, result.sometimes![1]!)).toEqual([6, 6]);
    expect(result.sometimes![0]!.witness).toMatchObject({ model: "grid", seed: 0, config: {} });
    expect(result.sometimes![0]!.shrunkFrom).toBeUndefined();
  });

  it("finds the shortcut, not the long way round a ring", async () => {
    const ring = graphSystem({ 0: [1, 2], 1: [2], 2: [3], 3: [4, 9], 4: [5], 5: [0] }, { sometimes: [reachesNode(9)] });
    const result = await explore(ring);
    expect(result.sometimes).toEqual([{ name: "reaches 9", discovered: true, witness: expect.objectContaining({ steps: to(2, 3, 9) }) }]);
  });

  it("reports one it never reached as undiscovered, without a witness, and leaves the verdict to the judge", async () => {
    const result = await explore({ ...gridSystem(3), sometimes: [reaches(1, 1), reaches(5, 5)] });
    expect(result.result).toBe("pass");
    expect(result.sometimes).toEqual([
      { name: "reaches (1,1)", discovered: true, witness: expect.objectContaining({ steps: [{ deliver: "right" }, { deliver: "up" }] }) },
      { name: "reaches (5,5)", discovered: false },
    ]);
  });

  it("checks each in every newly stored state until it first holds, then never again", async () => {
    const last = counting(reaches(6, 6));
    const first = counting(reaches(0, 0));
    const never = counting(reaches(7, 7));
    const result = await explore({ ...gridSystem(6), sometimes: [last, first, never] });
    expect(result.distinctStates).toBe(49);
    // (6,6) is the last state stored; (0,0) the first.
    expect([last.calls, first.calls, never.calls]).toEqual([49, 1, 49]);
  });

  it("reports those found before a limit or a violation stopped the run", async () => {
    const limited = await explore({ ...gridSystem(6), sometimes: [reaches(1, 1), reaches(6, 6)] }, { maxStates: 10 });
    expect(limited).toMatchObject({ result: "incomplete", limitHit: "states" });
    expect(limited.sometimes?.map((entry) => entry.discovered)).toEqual([true, false]);
    const violated = await explore({ ...gridSystem(6, [notAt(2, 2)]), sometimes: [reaches(1, 1), reaches(6, 6)] });
    expect(violated).toMatchObject({ result: "violation", property: "not at (2,2)" });
    expect(violated.sometimes?.map((entry) => entry.discovered)).toEqual([true, false]);
  });

  it("keeps witnesses through the parent log with fingerprints, and from replayed frontiers without decode", async () => {
    const { decode: _decode, ...withoutDecode } = gridSystem(6);
    for (const [system, options] of [
      [gridSystem(6), { fingerprint: true }],
      [withoutDecode, {}],
    ] as const) {
      const result = await explore({ ...system, sometimes: [reaches(3, 2)] }, options);
      expect(result.sometimes?.[0]?.witness?.steps).toHaveLength(5);
    }
  });

  it("is absent when the system declares none, or when the run checks no properties", async () => {
    expect((await explore(gridSystem(3))).sometimes).toBeUndefined();
    expect((await explore({ ...gridSystem(3), sometimes: [reaches(1, 1)] }, { checkInvariants: false })).sometimes).toBeUndefined();
  });
});

describe("sometimes properties under DFS and random walks", () => {
  const ring = graphSystem({ 0: [1, 9], 1: [2], 2: [3], 3: [4, 9], 4: [5], 5: [0] }, { sometimes: [reachesNode(9), reachesNode(4)] });

  it("DFS: the witness read off the stack, shrunk, with its length as found", async () => {
    const result = await explore(ring, { strategy: "dfs" });
    expect(resultSchema.parse(result)).toEqual(result);
    // Found along 0→1→2→3→4, the stack; 9 later from 3, and shrunk to the shortcut from 0.
    expect(result.sometimes).toEqual([
      { name: "reaches 9", discovered: true, witness: expect.objectContaining({ steps: to(9) }), shrunkFrom: 4 },
      { name: "reaches 4", discovered: true, witness: expect.objectContaining({ steps: to(1, 2, 3, 4) }) },
    ]);
  });

  it("random walks: the walk so far, shrunk", async () => {
    const loop = graphSystem({ 0: [1], 1: [2], 2: [3], 3: [0, 9] }, { sometimes: [reachesNode(9)] });
    const result = await explore(loop, { strategy: "random", seed: 2, walks: 5, maxDepth: 50 });
    expect(result.result).toBe("no-violation");
    // The first walk went round the loop once (0→…→3→0→…→3→9) before it met 9 (seed 2's does: what is pinned is the shrinking).
    expect(result.sometimes).toEqual([{ name: "reaches 9", discovered: true, witness: expect.objectContaining({ seed: 2, steps: to(1, 2, 3, 9) }), shrunkFrom: 8 }]);
  });
});

describe("the Result's sometimes field", () => {
  const base = (sometimes: unknown): unknown => ({ model: "m", result: "pass", distinctStates: 1, transitions: 0, maxDepth: 0, seconds: 0, statesPerSecond: 0, seed: 0, sometimes });
  const witness = (model = "m") => ({ version: 1, model, config: {}, seed: 0, steps: [] });
  const issues = (sometimes: unknown) => resultSchema.safeParse(base(sometimes)).error?.issues.map((issue) => [issue.path.join("."), issue.message]);

  it("holds a witness exactly when discovered, of the Result's own model, each name once", () => {
    expect(issues([{ name: "p", discovered: true, witness: witness() }, { name: "q", discovered: false }])).toBeUndefined();
    expect(issues([{ name: "p", discovered: true }])).toEqual([["sometimes.0.witness", "a discovered property has a witness"]]);
    expect(issues([{ name: "p", discovered: false, witness: witness() }])).toEqual([["sometimes.0.witness", "a property never discovered has no witness"]]);
    expect(issues([{ name: "p", discovered: true, witness: witness("other") }])).toEqual([
      ["sometimes.0.witness.model", '"other" is another model than the Result\'s "m"; a witness is a run of the Result\'s own model'],
    ]);
    expect(issues([{ name: "p", discovered: false }, { name: "p", discovered: false }])).toEqual([["sometimes.1.name", '"p" is listed twice; each sometimes property once']]);
  });
});
