import { describe, expect, it } from "vitest";
import { explore, resultSchema } from "../../explorer/index.ts";
import type { TransitionSystem } from "../../explorer/transition-system.ts";
import { gridSystem, type Point } from "./tiny-systems.ts";

type Move = "right" | "up";

/** The 5×5 grid whose `step` throws on reaching depth 4 (x + y = 4), with a multi-line message. */
function throwsAtDepth4(): TransitionSystem<Point, Move> {
  const grid = gridSystem(5);
  return {
    ...grid,
    step(point, action) {
      const next = grid.step(point, action);
      if (next[0] + next[1] === 4) throw new TypeError(`no such point (${next[0]},${next[1]})\n    at step (model.ts:1:1)`);
      return next;
    },
  };
}

describe("an error thrown by the system mid-search still yields a Result", () => {
  it("BFS: incomplete, limit 'error', the first line of the message, and the figures reached", async () => {
    const result = await explore(throwsAtDepth4());
    expect(resultSchema.parse(result)).toEqual(result);
    // Levels 0–3 stored (1 + 2 + 3 + 4 states); 12 transitions from levels 0–2, the 13th throws.
    expect(result).toMatchObject({ result: "incomplete", limitHit: "error", error: "no such point (4,0)", distinctStates: 10, transitions: 13, maxDepth: 3, terminalStates: 0 });
    expect(result.statesPerDepth).toEqual([1, 2, 3, 4]);
  });

  it("DFS: the step down to depth 4 throws before it is counted", async () => {
    const result = await explore(throwsAtDepth4(), { strategy: "dfs" });
    expect(result).toMatchObject({ result: "incomplete", limitHit: "error", error: "no such point (4,0)", distinctStates: 4, transitions: 3, maxDepth: 3 });
  });

  it("random walk: no walk completed", async () => {
    const result = await explore(throwsAtDepth4(), { strategy: "random", seed: 1 });
    expect(result).toMatchObject({ result: "incomplete", limitHit: "error", distinctStates: 4, transitions: 3, runs: 0 });
    expect(result.error).toMatch(/^no such point \(\d,\d\)$/);
  });

  it("an invariant or `actions` that throws ends the run the same way", async () => {
    const badInvariant = gridSystem(5, [{ name: "x", holds: ([x]) => (x < 3 ? true : (null as unknown as { y: boolean }).y) }]);
    expect(await explore(badInvariant)).toMatchObject({ result: "incomplete", limitHit: "error", distinctStates: 7, maxDepth: 3 });
    const grid = gridSystem(5);
    const badActions = { ...grid, actions: (point: Point) => (point[1] === 2 ? (() => { throw "a thrown string"; })() : grid.actions(point)) };
    expect(await explore(badActions)).toMatchObject({ result: "incomplete", limitHit: "error", error: "a thrown string" });
  });

  it("a violation found before the error is still reported, with its counterexample", async () => {
    const grid = throwsAtDepth4();
    const result = await explore({ ...grid, invariants: [{ name: "x < 2", holds: ([x]) => x < 2 }] }, { stopAtFirstViolation: false });
    expect(result).toMatchObject({ result: "violation", property: "x < 2", limitHit: "error", error: "no such point (4,0)" });
    expect(result.counterexample?.steps).toHaveLength(2);
  });

  it("a checkpoint that cannot be saved ends the run the same way, with the figures of that point", async () => {
    const result = await explore(gridSystem(30), { checkpoint: { everySeconds: 0, save: () => { throw new Error("ENOSPC: no space left on device"); } } });
    // Polled after every parent when saving at every poll: the first save comes after the first parent.
    expect(result).toMatchObject({ result: "incomplete", limitHit: "error", error: "ENOSPC: no space left on device", distinctStates: 3, transitions: 2 });
  });

  it("bad options are still an error before the search starts", async () => {
    await expect(explore(throwsAtDepth4(), { symmetry: true })).rejects.toThrow("explore: symmetry reduction was asked for, but the model defines no symmetry");
  });
});
