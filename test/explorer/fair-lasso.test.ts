import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findFairLasso, type Lasso, type LassoGraph } from "../../explorer/liveness/fair-lasso.ts";

type Edge = [from: number, to: number, fairness: number];

/** A graph from an edge list; `enabled` defaults to the classes of a state's own edges. */
function graphOf(states: number, edges: Edge[], goal: number[], extra: { initial?: number[]; enabled?: Record<number, number[]> } = {}): LassoGraph {
  return {
    states,
    initial: extra.initial ?? [0],
    edges: (state) => edges.filter(([from]) => from === state).map(([, to, fairness]) => ({ to, fairness })),
    enabled: (state) => extra.enabled?.[state] ?? [...new Set(edges.filter(([from, , fairness]) => from === state && fairness >= 0).map(([, , fairness]) => fairness))],
    goal: (state) => goal.includes(state),
  };
}

/** A lasso is a real run: stem from an initial state, each step an edge, the cycle closed, no goal state, and fair. */
function expectValidLasso(graph: LassoGraph, lasso: Lasso): void {
  const run = [...lasso.stem, ...lasso.cycle.slice(1), lasso.cycle[0]!];
  expect(graph.initial).toContain(lasso.stem[0]);
  expect(lasso.stem.at(-1)).toBe(lasso.cycle[0]);
  for (let i = 0; i + 1 < run.length; i++) expect(graph.edges(run[i]!).map((edge) => edge.to), `${run[i]} → ${run[i + 1]}`).toContain(run[i + 1]);
  for (const state of run) expect(graph.goal(state)).toBe(false);
  // Weak fairness on the cycle: every class is disabled somewhere on it or taken by one of its edges.
  const cycle = lasso.cycle;
  const classes = new Set(cycle.flatMap((state) => graph.enabled(state)));
  for (const fairness of classes) {
    const disabledSomewhere = cycle.some((state) => !graph.enabled(state).includes(fairness));
    const taken = cycle.some((state, i) => graph.edges(state).some((edge) => edge.fairness === fairness && edge.to === cycle[(i + 1) % cycle.length]));
    expect(disabledSomewhere || taken, `class ${fairness} on the cycle ${cycle.join(",")}`).toBe(true);
  }
}

describe("fair lassos: an infinite fair run that never reaches the goal", () => {
  it("none when every run reaches the goal", () => {
    expect(findFairLasso(graphOf(3, [[0, 1, 0], [1, 2, 0]], [2]))).toBeUndefined();
  });

  it("a self-loop that avoids the goal is a lasso of one state", () => {
    const graph = graphOf(3, [[0, 1, -1], [1, 1, -1], [1, 2, 0]], [2], { enabled: { 1: [] } });
    const lasso = findFairLasso(graph)!;
    expect(lasso).toEqual({ stem: [0, 1], cycle: [1] });
    expectValidLasso(graph, lasso);
  });

  it("an unfair cycle does not count: a delivery continuously enabled around the loop and never taken", () => {
    // 1 ⇄ 2 by timeouts (no fairness); the delivery (class 0) to the goal is enabled in both and never taken on the loop.
    const graph = graphOf(4, [[0, 1, -1], [1, 2, -1], [2, 1, -1], [1, 3, 0], [2, 3, 0]], [3]);
    expect(findFairLasso(graph)).toBeUndefined();
  });

  it("a cycle that passes a state where the class is disabled is fair", () => {
    const graph = graphOf(4, [[0, 1, -1], [1, 2, -1], [2, 1, -1], [1, 3, 0]], [3]);
    const lasso = findFairLasso(graph)!;
    expectValidLasso(graph, lasso);
    expect(lasso.cycle).toContain(2);
  });

  it("a cycle that takes the continuously enabled class's edge inside the component is fair", () => {
    // Class 0 is enabled in 1 and 2; 1 → 2 is a class-0 edge inside the loop.
    const graph = graphOf(4, [[0, 1, -1], [1, 2, 0], [2, 1, -1], [2, 3, 0], [1, 3, 1]], [3], { enabled: { 1: [0, 1], 2: [0] } });
    const lasso = findFairLasso(graph)!;
    expectValidLasso(graph, lasso);
  });

  it("a goal in the initial state leaves nothing to find", () => {
    expect(findFairLasso(graphOf(2, [[0, 1, -1], [1, 1, -1]], [0]))).toBeUndefined();
  });

  it("on random graphs: any lasso found is a valid fair run, and none is missed where a brute-force search finds one", () => {
    const edgeArbitrary = fc.tuple(fc.nat(5), fc.nat(5), fc.integer({ min: -1, max: 1 }));
    const outcomes = { found: 0, none: 0 };
    fc.assert(
      fc.property(fc.array(edgeArbitrary, { maxLength: 14 }), fc.subarray([0, 1, 2, 3, 4, 5], { maxLength: 2 }), (edges, goal) => {
        const graph = graphOf(6, edges as Edge[], goal);
        const lasso = findFairLasso(graph);
        if (lasso !== undefined) expectValidLasso(graph, lasso);
        expect(lasso !== undefined).toBe(bruteForceFairCycle(graph));
        outcomes[lasso === undefined ? "none" : "found"]++;
      }),
      { seed: 20_261_201, numRuns: 400 },
    );
    // Both answers occur often, so the comparison is not vacuous.
    expect(outcomes.found).toBeGreaterThan(50);
    expect(outcomes.none).toBeGreaterThan(50);
  });
});

/**
 * Whether some closed walk of ¬goal states, reachable without the goal, is fair — by trying
 * every closed walk of at most 15 edges: exponential, for 6-state graphs only. With 6 states
 * and two fairness classes a fair cycle needs at most three shortest paths (to each class's
 * waypoint and back), 15 edges, so the enumeration finds one whenever one exists.
 */
function bruteForceFairCycle(graph: LassoGraph): boolean {
  const reachable = new Set<number>();
  const stack = graph.initial.filter((state) => !graph.goal(state));
  stack.forEach((state) => reachable.add(state));
  while (stack.length > 0) for (const { to } of graph.edges(stack.pop()!)) if (!graph.goal(to) && !reachable.has(to)) reachable.add(to) && stack.push(to);
  const isFair = (walk: number[]): boolean => {
    const classes = new Set(walk.flatMap((state) => graph.enabled(state)));
    return [...classes].every(
      (fairness) =>
        walk.some((state) => !graph.enabled(state).includes(fairness)) ||
        walk.some((state, i) => graph.edges(state).some((edge) => edge.fairness === fairness && edge.to === walk[(i + 1) % walk.length])),
    );
  };
  const extend = (walk: number[]): boolean => {
    const last = walk[walk.length - 1]!;
    for (const { to } of graph.edges(last)) {
      if (!reachable.has(to)) continue;
      if (to === walk[0] && isFair(walk)) return true;
      if (walk.length < 15 && extend([...walk, to])) return true;
    }
    return false;
  };
  return [...reachable].some((start) => extend([start]));
}
