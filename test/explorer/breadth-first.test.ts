import { describe, expect, it } from "vitest";
import { explore } from "../../explorer/index.ts";
import { expectViolation } from "./explore-assertions.ts";
import { graphSystem, gridSystem, notAt, type Point } from "./tiny-systems.ts";

describe("breadth-first search", () => {
  it("counts states, transitions, depth and states per depth of the whole space", async () => {
    const result = await explore(gridSystem(3), { model: "grid" });
    expect(result).toMatchObject({ model: "grid", result: "pass", strategy: "bfs", distinctStates: 16, transitions: 24, maxDepth: 6, terminalStates: 1, seed: 0 });
    expect(result.statesPerDepth).toEqual([1, 2, 3, 4, 3, 2, 1]);
    expect(result.counterexample).toBeUndefined();
  });

  it("reaches the same figures with the arena frontier (decode) as with state objects", async () => {
    const { decode: _decode, ...withoutDecode } = gridSystem(7, [notAt(5, 6)]);
    const fromArena = await explore(gridSystem(7, [notAt(5, 6)]), { stopAtFirstViolation: false });
    const fromObjects = await explore(withoutDecode, { stopAtFirstViolation: false });
    for (const figure of ["distinctStates", "transitions", "maxDepth", "statesPerDepth", "counterexample", "violationCounts"] as const) {
      expect(fromArena[figure]).toEqual(fromObjects[figure]);
    }
  });

  it("with encodeSuccessor, builds only the successors never seen before and reaches the same figures", async () => {
    const grid = gridSystem(7, [notAt(6, 5)]);
    let built = 0;
    const keyed = {
      ...grid,
      step: (point: Point, action: "right" | "up") => {
        built++;
        return grid.step(point, action);
      },
      encodeSuccessor: (point: Point, action: "right" | "up", target: Uint8Array) => grid.encodeInto!(grid.step(point, action), target),
    };
    const fromKeys = await explore(keyed, { stopAtFirstViolation: false });
    const fromStates = await explore(grid, { stopAtFirstViolation: false });
    // One step per new state (the initial one is not built), plus the replay that rebuilds the counterexample.
    expect(built).toBe(fromKeys.distinctStates - 1 + fromKeys.counterexample!.steps.length);
    expect(fromKeys.transitions).toBeGreaterThan(built);
    for (const figure of ["distinctStates", "transitions", "statesPerDepth", "counterexample", "violationCounts"] as const) {
      expect(fromKeys[figure]).toEqual(fromStates[figure]);
    }
  });

  it("stops at an encodeInto that writes more than the system's encodedLength, naming the error", async () => {
    const writesEightBytes = (point: readonly [number, number], target: Uint8Array): number => {
      for (let i = 0; i < 8; i++) target[i] = point[i >> 2];
      return 8;
    };
    const result = await explore({ ...gridSystem(2), encodeInto: writesEightBytes, encodedLength: 4 });
    expect(result).toMatchObject({ result: "incomplete", limitHit: "error", error: "encodeInto wrote 8 bytes, more than encodedLength (4)", distinctStates: 0 });
  });

  it("returns a shortest counterexample even when a longer path is explored first", async () => {
    // 0 → 1 → 2 → 3 → 9 is listed first; 0 → 4 → 9 is the shortest way to the bad node 9.
    const system = graphSystem({ 0: [1, 4], 1: [2], 2: [3], 3: [9], 4: [9] }, { invariants: [{ name: "never 9", holds: (n) => n !== 9 }] });
    const result = await explore(system, { model: "graph", config: { size: 6 } });
    expectViolation(system, result, "never 9", 2);
    expect(result.counterexample).toEqual({ version: 1, model: "graph", config: { size: 6 }, seed: 0, steps: [{ deliver: "to 4" }, { deliver: "to 9" }] });
  });

  it("finds the shortest path to a bad grid point (x + y steps)", async () => {
    const system = gridSystem(4, [notAt(2, 3)]);
    const result = await explore(system);
    expectViolation(system, result, "not at (2,3)", 5);
    expect(result.maxDepth).toBe(5);
  });

  it("reports an initial state that fails an invariant with an empty counterexample", async () => {
    const system = gridSystem(2, [notAt(0, 0)]);
    const result = await explore(system);
    expectViolation(system, result, "not at (0,0)", 0);
    expect(result.distinctStates).toBe(1);
  });

  it("checks `terminal` in states without an enabled action", async () => {
    const system = gridSystem(2, [], { name: "termination", holds: () => false });
    const result = await explore(system);
    expectViolation(system, result, "termination", 4);
    expect(result.terminalViolations).toBe(1);
  });

  it("keeps exploring after a violation when asked, counting violating states per property", async () => {
    const system = gridSystem(3, [{ name: "x < 2", holds: ([x]) => x < 2 }]);
    const result = await explore(system, { stopAtFirstViolation: false });
    expect(result).toMatchObject({ result: "violation", property: "x < 2", distinctStates: 16, transitions: 24 });
    expect(result.violationCounts).toEqual({ "x < 2": 8 });
    expect(result.counterexample?.steps).toHaveLength(2);
  });

  it("checks nothing with checkInvariants: false", async () => {
    const result = await explore(gridSystem(3, [notAt(1, 1)], { name: "termination", holds: () => false }), { checkInvariants: false });
    expect(result).toMatchObject({ result: "pass", distinctStates: 16, terminalStates: 1 });
    expect(result.terminalViolations).toBeUndefined();
  });

  it("explores from every distinct initial state and replays a counterexample from the right one", async () => {
    const system = graphSystem({ 0: [1], 5: [6], 6: [7] }, { initial: [0, 5, 0], invariants: [{ name: "never 7", holds: (n) => n !== 7 }] });
    const result = await explore(system);
    expectViolation(system, result, "never 7", 2);
    expect(result.statesPerDepth).toEqual([2, 2, 1]);
  });
});
