import { describe, expect, it } from "vitest";
import { explore, resultSchema } from "../../explorer/index.ts";
import { expectIncomplete, expectViolation } from "./explore-assertions.ts";
import { gridSystem, notAt, unboundedCounter } from "./tiny-systems.ts";

describe("seeded random walk", () => {
  it("is reproducible from its seed", async () => {
    const system = gridSystem(20, [notAt(7, 9)]);
    const first = await explore(system, { strategy: "random", seed: 42, walks: 200 });
    const again = await explore(system, { strategy: "random", seed: 42, walks: 200 });
    const { seconds: _a, statesPerSecond: _b, ...firstFigures } = first;
    const { seconds: _c, statesPerSecond: _d, ...againFigures } = again;
    expect(againFigures).toEqual(firstFigures);
    expect(first.seed).toBe(42);
  });

  it("takes different walks from different seeds", async () => {
    // With a terminal property that always fails, the counterexample is the first walk.
    const system = gridSystem(30, [], { name: "stop", holds: () => false });
    const runs = await Promise.all([1, 2, 3].map((seed) => explore(system, { strategy: "random", seed, walks: 1 })));
    const walks = runs.map((run) => JSON.stringify(run.counterexample?.steps));
    expect(new Set(walks).size).toBe(3);
  });

  it("finds a reachable violation and replays it", async () => {
    const system = gridSystem(3, [notAt(2, 1)]);
    const result = await explore(system, { strategy: "random", seed: 7, walks: 100 });
    expectViolation(system, result, "not at (2,1)", 3);
    expect(result.counterexample?.seed).toBe(7);
  });

  it("ends with no-violation (not a pass) after every walk, and picks and prints a seed if none is given", async () => {
    const result = await explore(gridSystem(3), { strategy: "random", walks: 50 });
    expect(resultSchema.parse(result)).toEqual(result);
    expect(result).toMatchObject({ result: "no-violation", runs: 50, maxSteps: 1000, distinctStates: 16, terminalStates: 1, maxDepth: 6 });
    expect(result.limitHit).toBeUndefined();
    expect(Number.isInteger(result.seed)).toBe(true);
  });

  it("counts only the walks completed when a limit cuts the run short", async () => {
    const result = await explore(unboundedCounter(), { strategy: "random", seed: 1, walks: 50, maxDepth: 10, maxStates: 25 });
    expectIncomplete(result, "states");
    expect(result).toMatchObject({ runs: 2, maxSteps: 10 });
  });

  it("cuts each walk at maxDepth steps", async () => {
    const result = await explore(unboundedCounter(), { strategy: "random", seed: 1, walks: 5, maxDepth: 10 });
    expect(result).toMatchObject({ maxDepth: 10, transitions: 50 });
  });
});
