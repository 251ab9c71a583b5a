import { describe, expect, it } from "vitest";
import { explore } from "../../explorer/index.ts";
import { expectIncomplete, expectViolation } from "./explore-assertions.ts";
import { graphSystem, gridSystem, notAt } from "./tiny-systems.ts";

describe("depth-first search", () => {
  it("reaches the same states and transitions as BFS on an acyclic space", async () => {
    const result = await explore(gridSystem(3), { strategy: "dfs" });
    expect(result).toMatchObject({ result: "pass", strategy: "dfs", distinctStates: 16, transitions: 24, maxDepth: 6, terminalStates: 1 });
    expect(result.statesPerDepth).toBeUndefined();
  });

  it("does not expand states at the depth bound and reports the run incomplete", async () => {
    const result = await explore(gridSystem(3), { strategy: "dfs", maxDepth: 2 });
    expectIncomplete(result, "depth");
    expect(result).toMatchObject({ distinctStates: 6, maxDepth: 2 });
  });

  it("re-expands a state reached again by a shorter path, so the bound misses nothing", async () => {
    // 0 → 1 → 2 reaches 2 at the bound first; 0 → 2 reaches it at depth 1, and only then 3 is within reach.
    const system = graphSystem({ 0: [1, 2], 1: [2], 2: [3], 3: [4] });
    const result = await explore(system, { strategy: "dfs", maxDepth: 2 });
    expectIncomplete(result, "depth");
    expect(result.distinctStates).toBe(4);
  });

  it("follows cycles without looping", async () => {
    const result = await explore(graphSystem({ 0: [1], 1: [2], 2: [0, 3] }), { strategy: "dfs" });
    expect(result).toMatchObject({ result: "pass", distinctStates: 4, transitions: 4, terminalStates: 1 });
  });

  it("returns the stack as a counterexample that replays to the violation", async () => {
    const system = gridSystem(3, [notAt(1, 2)]);
    const result = await explore(system, { strategy: "dfs" });
    expectViolation(system, result, "not at (1,2)", 3);
  });

  it("checks `terminal` at dead ends", async () => {
    const system = graphSystem({ 0: [1, 2], 2: [3] }, { terminal: { name: "ends at 3", holds: (n) => n === 3 } });
    const result = await explore(system, { strategy: "dfs" });
    expectViolation(system, result, "ends at 3", 1);
  });
});
