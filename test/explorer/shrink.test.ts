import { describe, expect, it } from "vitest";
import { explore, shrinkCounterexample } from "../../explorer/index.ts";
import { graphSystem } from "./tiny-systems.ts";

const bad = { name: "never at 9", holds: (node: number) => node !== 9 };
const to = (...nodes: number[]) => nodes.map((node) => ({ deliver: `to ${node}` }));

/** A ring 0→1→…→5→0 with a shortcut 0→9 and a detour 3→9: long walks reach 9 the long way. */
const ring = graphSystem({ 0: [1, 9], 1: [2], 2: [3], 3: [4, 9], 4: [5], 5: [0] }, { invariants: [bad] });

describe("shrinking a counterexample", () => {
  it("deletes every step it can while the schedule still replays to the same violation", () => {
    // 0→1→2→3→4→5→0→1→2→3→9: the loop is removable, and so is 1→2→3 via the shortcut from 0.
    expect(shrinkCounterexample(ring, to(1, 2, 3, 4, 5, 0, 1, 2, 3, 9), "never at 9")).toEqual(to(9));
  });

  it("cuts the schedule after its first violating state", () => {
    const chain = graphSystem({ 0: [9], 9: [1], 1: [9] }, { invariants: [bad] });
    expect(shrinkCounterexample(chain, to(9, 1, 9), "never at 9")).toEqual(to(9));
  });

  it("keeps only candidates that replay: a step not enabled where it would land is not deleted", () => {
    const line = graphSystem({ 0: [1], 1: [2], 2: [9] }, { invariants: [bad] });
    expect(shrinkCounterexample(line, to(1, 2, 9), "never at 9")).toEqual(to(1, 2, 9));
  });

  it("shrinks against the terminal property too, and leaves a schedule that shows no violation alone", () => {
    const stuck = { name: "termination", holds: (node: number) => node === 5 };
    const paths = graphSystem({ 0: [1, 7], 1: [2], 2: [7, 5] }, { terminal: stuck });
    expect(shrinkCounterexample(paths, to(1, 2, 7), "termination")).toEqual(to(7));
    expect(shrinkCounterexample(paths, to(1, 2, 5), "termination")).toEqual(to(1, 2, 5));
    expect(shrinkCounterexample(paths, to(1), "no such property")).toEqual(to(1));
  });

  it("is applied to DFS and random-walk counterexamples, which then report their original length", async () => {
    const dfs = await explore(ring, { strategy: "dfs" });
    expect(dfs.counterexample?.steps.length).toBe(1);
    const walk = await explore(graphSystem({ 0: [1], 1: [2], 2: [3], 3: [0, 9] }, { invariants: [bad] }), { strategy: "random", seed: 3, walks: 5, maxDepth: 50 });
    expect(walk).toMatchObject({ result: "violation", property: "never at 9" });
    expect(walk.counterexample?.steps).toEqual(to(1, 2, 3, 9));
  });
});
