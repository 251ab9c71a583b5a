import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findFairLasso, type Lasso, type LassoGraph, type LassoMode } from "../../explorer/liveness/fair-lasso.ts";

type Edge = [from: number, to: number, fairness: number];

/** A graph from an edge list; `enabled` defaults to the classes of a state's own edges. */
function graphOf(edges: Edge[], goal: number[], extra: { initial?: number[]; enabled?: Record<number, number[]>; settled?: number[] } = {}): LassoGraph {
  return {
    ...(extra.settled === undefined ? {} : { settled: (state: number) => extra.settled!.includes(state) }),
    initial: extra.initial ?? [0],
    edges: (state) => edges.filter(([from]) => from === state).map(([, to, fairness]) => ({ to, fairness })),
    enabled: (state) => extra.enabled?.[state] ?? [...new Set(edges.filter(([from, , fairness]) => from === state && fairness >= 0).map(([, , fairness]) => fairness))],
    goal: (state) => goal.includes(state),
  };
}

/**
 * A lasso is a real run: stem from an initial state, each step an edge, the cycle closed through
 * the edges it names (or a deadlock: one state with no edge), fair, its cycle settled, and no goal
 * state on the cycle (nor on the stem, for "eventually").
 */
function expectValidLasso(graph: LassoGraph, lasso: Lasso, mode: LassoMode = "initial"): void {
  expect(graph.initial).toContain(lasso.stem[0]);
  expect(lasso.stem.at(-1)).toBe(lasso.cycle[0]);
  for (let i = 0; i + 1 < lasso.stem.length; i++) expect(graph.edges(lasso.stem[i]!).map((edge) => edge.to), `${lasso.stem[i]} → ${lasso.stem[i + 1]}`).toContain(lasso.stem[i + 1]);
  const cycle = lasso.cycle;
  expect(lasso.cycleEdges).toHaveLength(cycle.length);
  if (lasso.deadlock) {
    expect(cycle).toHaveLength(1);
    expect(graph.edges(cycle[0]!)).toEqual([]);
    expect(lasso.cycleEdges).toEqual([-1]);
  } else cycle.forEach((state, i) => expect(graph.edges(state)[lasso.cycleEdges[i]!]?.to, `cycle edge ${i}`).toBe(cycle[(i + 1) % cycle.length]));
  for (const state of mode === "initial" ? [...lasso.stem, ...cycle] : cycle) expect(graph.goal(state)).toBe(false);
  for (const state of cycle) expect(graph.settled?.(state) ?? true).toBe(true);
  // Weak fairness on the cycle: every class is disabled somewhere on it or taken by one of its edges.
  const classes = new Set(cycle.flatMap((state) => graph.enabled(state)));
  for (const fairness of classes) {
    const disabledSomewhere = cycle.some((state) => !graph.enabled(state).includes(fairness));
    const taken = cycle.some((state, i) => graph.edges(state)[lasso.cycleEdges[i]!]?.fairness === fairness);
    expect(disabledSomewhere || taken, `class ${fairness} on the cycle ${cycle.join(",")}`).toBe(true);
  }
}

describe("fair lassos: an infinite fair run that never reaches the goal", () => {
  it("none when every run reaches the goal", () => {
    expect(findFairLasso(graphOf([[0, 1, 0], [1, 2, 0]], [2]))).toBeUndefined();
  });

  it("a self-loop that avoids the goal is a lasso of one state", () => {
    const graph = graphOf([[0, 1, -1], [1, 1, -1], [1, 2, 0]], [2], { enabled: { 1: [] } });
    const lasso = findFairLasso(graph)!;
    expect(lasso).toEqual({ stem: [0, 1], cycle: [1], cycleEdges: [0], deadlock: false });
    expectValidLasso(graph, lasso);
  });

  it("an unfair cycle does not count: a delivery continuously enabled around the loop and never taken", () => {
    // 1 ⇄ 2 by timeouts (no fairness); the delivery (class 0) to the goal is enabled in both and never taken on the loop.
    const graph = graphOf([[0, 1, -1], [1, 2, -1], [2, 1, -1], [1, 3, 0], [2, 3, 0]], [3]);
    expect(findFairLasso(graph)).toBeUndefined();
  });

  it("a cycle that passes a state where the class is disabled is fair", () => {
    const graph = graphOf([[0, 1, -1], [1, 2, -1], [2, 1, -1], [1, 3, 0]], [3]);
    const lasso = findFairLasso(graph)!;
    expectValidLasso(graph, lasso);
    expect(lasso.cycle).toContain(2);
  });

  it("a cycle that takes the continuously enabled class's edge inside the component is fair", () => {
    // Class 0 is enabled in 1 and 2; 1 → 2 is a class-0 edge inside the loop.
    const graph = graphOf([[0, 1, -1], [1, 2, 0], [2, 1, -1], [2, 3, 0], [1, 3, 1]], [3], { enabled: { 1: [0, 1], 2: [0] } });
    const lasso = findFairLasso(graph)!;
    expectValidLasso(graph, lasso);
  });

  it("a goal in the initial state leaves nothing to find", () => {
    expect(findFairLasso(graphOf([[0, 1, -1], [1, 1, -1]], [0]))).toBeUndefined();
  });

  it("a state with no enabled action that fails the goal is a deadlock: the run stutters there for ever", () => {
    const graph = graphOf([[0, 1, 0], [0, 2, 0]], [2]);
    const lasso = findFairLasso(graph)!;
    expect(lasso).toEqual({ stem: [0, 1], cycle: [1], cycleEdges: [-1], deadlock: true });
    expectValidLasso(graph, lasso);
  });

  it("a cycle before GST does not count: a run must reach a settled state and stay among them", () => {
    const edges: Edge[] = [[0, 1, -1], [1, 0, -1], [0, 2, -1], [2, 3, 0]];
    expect(findFairLasso(graphOf(edges, [3], { settled: [2, 3] }))).toBeUndefined();
    expect(findFairLasso(graphOf(edges, [3]))!.cycle).toEqual([0, 1]);
  });

  it("always eventually: the stem may pass the goal, the cycle may not", () => {
    // 0 → 1 (goal) → 2 ⇄ 3: "eventually" holds (every run passes 1), "always eventually" does not.
    const graph = graphOf([[0, 1, -1], [1, 2, -1], [2, 3, -1], [3, 2, -1]], [1]);
    expect(findFairLasso(graph, "initial")).toBeUndefined();
    const lasso = findFairLasso(graph, "anywhere")!;
    expect(lasso.stem).toEqual([0, 1, 2]);
    expectValidLasso(graph, lasso, "anywhere");
  });

  it("on random graphs, in both modes and with settled states: any lasso found is a valid fair run, and none is missed where a brute-force search finds one", () => {
    const edgeArbitrary = fc.tuple(fc.nat(5), fc.nat(5), fc.integer({ min: -1, max: 1 }));
    const outcomes = { found: 0, none: 0, deadlock: 0 };
    fc.assert(
      fc.property(
        fc.array(edgeArbitrary, { maxLength: 14 }),
        fc.subarray([0, 1, 2, 3, 4, 5], { maxLength: 2 }),
        fc.option(fc.subarray([0, 1, 2, 3, 4, 5], { minLength: 3 })),
        fc.constantFrom<LassoMode>("initial", "anywhere"),
        (edges, goal, settled, mode) => {
          const graph = graphOf(edges as Edge[], goal, settled === null ? {} : { settled });
          const lasso = findFairLasso(graph, mode);
          if (lasso !== undefined) expectValidLasso(graph, lasso, mode);
          expect(lasso !== undefined).toBe(bruteForceFairCycle(graph, mode));
          outcomes[lasso === undefined ? "none" : "found"]++;
          if (lasso?.deadlock) outcomes.deadlock++;
        },
      ),
      { seed: 20_261_201, numRuns: 600 },
    );
    expect(outcomes.deadlock).toBeGreaterThan(20);
    // Both answers occur often, so the comparison is not vacuous.
    expect(outcomes.found).toBeGreaterThan(50);
    expect(outcomes.none).toBeGreaterThan(50);
  });
});

/**
 * Whether some closed walk of settled ¬goal states, reachable (without the goal, for "eventually"), is fair — by trying
 * every closed walk of at most 15 edges: exponential, for 6-state graphs only. With 6 states
 * and two fairness classes a fair cycle needs at most three shortest paths (to each class's
 * waypoint and back), 15 edges, so the enumeration finds one whenever one exists.
 */
function bruteForceFairCycle(graph: LassoGraph, mode: LassoMode): boolean {
  const passes = (state: number) => mode === "anywhere" || !graph.goal(state);
  const seen = new Set<number>();
  const stack = graph.initial.filter(passes);
  stack.forEach((state) => seen.add(state));
  while (stack.length > 0) for (const { to } of graph.edges(stack.pop()!)) if (passes(to) && !seen.has(to)) seen.add(to) && stack.push(to);
  const reachable = new Set([...seen].filter((state) => !graph.goal(state) && (graph.settled?.(state) ?? true)));
  // A reachable settled ¬goal state with no edge: the run stutters there (a deadlock).
  if ([...reachable].some((state) => graph.edges(state).length === 0)) return true;
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
