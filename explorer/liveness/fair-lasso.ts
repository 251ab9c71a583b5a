/**
 * Fair lassos: the core of an unbounded "eventually P" check (issue [05]) over a finite,
 * explicit state graph. A violation of "eventually P" is an infinite run that never reaches a
 * state where P holds; in a finite graph such a run ends in a cycle, so it is a lasso — a stem
 * from an initial state to a cycle — all of whose states fail P. Under weak fairness (Lamport's
 * WF: an action continuously enabled from some point on is eventually taken) only fair cycles
 * count: for every fairness class, the cycle either passes a state where the class is
 * disabled or takes one of its edges. A strongly connected component of the ¬P subgraph holds
 * a fair cycle iff every class enabled in all of its states labels an edge inside it (the SCC
 * criterion of model checkers for fairness, e.g. Emerson–Lei; SPIN's and TLC's liveness
 * checks rest on the same fact), and then one cycle through all such edges and past a
 * disabling state of every other class is fair.
 */
export interface LassoGraph {
  /** States are 0 … states − 1. */
  states: number;
  initial: readonly number[];
  /** Edges out of a state, each with the fairness class of its action, or −1 for none. */
  edges(state: number): readonly { to: number; fairness: number }[];
  /** The fairness classes whose action is enabled in a state. */
  enabled(state: number): readonly number[];
  /** P: a state where the awaited condition holds (a lasso avoids all of them). */
  goal(state: number): boolean;
}

export interface Lasso {
  /** States from an initial state to the cycle's first state, that one included. */
  stem: number[];
  /** The cycle from its first state back to just before it (the stem's last state starts it). */
  cycle: number[];
}

/** A fair lasso of states that all fail `goal`, or undefined when every fair run reaches it. */
export function findFairLasso(graph: LassoGraph): Lasso | undefined {
  const avoiding = reachableAvoiding(graph);
  for (const component of stronglyConnected(graph, avoiding)) {
    const cycle = fairCycleIn(graph, component);
    if (cycle === undefined) continue;
    const stem = pathWithin(graph, graph.initial.filter((state) => avoiding.has(state)), new Set([cycle[0]!]), avoiding);
    return { stem: stem!, cycle };
  }
  return undefined;
}

/** The ¬P states reachable from an initial ¬P state through ¬P states only. */
function reachableAvoiding(graph: LassoGraph): Set<number> {
  const seen = new Set<number>();
  const stack = graph.initial.filter((state) => !graph.goal(state));
  for (const state of stack) seen.add(state);
  while (stack.length > 0) {
    for (const { to } of graph.edges(stack.pop()!)) {
      if (seen.has(to) || graph.goal(to)) continue;
      seen.add(to);
      stack.push(to);
    }
  }
  return seen;
}

/** Tarjan's strongly connected components of the subgraph on `within` that hold a cycle (more than one state, or a self-loop). */
function stronglyConnected(graph: LassoGraph, within: Set<number>): number[][] {
  const index = new Map<number, number>();
  const low = new Map<number, number>();
  const onStack = new Set<number>();
  const stack: number[] = [];
  const components: number[][] = [];
  let counter = 0;
  for (const root of within) {
    if (index.has(root)) continue;
    // Iterative, so that a long chain of states does not overflow the call stack.
    const work: { state: number; next: number }[] = [{ state: root, next: 0 }];
    index.set(root, counter);
    low.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const out = graph.edges(frame.state).filter(({ to }) => within.has(to));
      if (frame.next < out.length) {
        const { to } = out[frame.next++]!;
        if (!index.has(to)) {
          index.set(to, counter);
          low.set(to, counter++);
          stack.push(to);
          onStack.add(to);
          work.push({ state: to, next: 0 });
        } else if (onStack.has(to)) low.set(frame.state, Math.min(low.get(frame.state)!, index.get(to)!));
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1]!.state;
        low.set(parent, Math.min(low.get(parent)!, low.get(frame.state)!));
      }
      if (low.get(frame.state) !== index.get(frame.state)) continue;
      const component: number[] = [];
      let member: number;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== frame.state);
      const selfLoop = graph.edges(frame.state).some(({ to }) => to === frame.state);
      if (component.length > 1 || selfLoop) components.push(component.sort((a, b) => a - b));
    }
  }
  return components;
}

/**
 * A fair cycle inside `component`, or undefined when none exists: a class enabled in every
 * state of it must label one of its edges. The cycle starts at the component's least state,
 * takes one edge of each such class and passes a disabling state of every other class enabled
 * somewhere in it.
 */
function fairCycleIn(graph: LassoGraph, component: number[]): number[] | undefined {
  const members = new Set(component);
  const classes = new Set<number>();
  for (const state of component) for (const fairness of graph.enabled(state)) classes.add(fairness);
  const waypoints: ({ edge: { from: number; to: number } } | { state: number })[] = [];
  for (const fairness of [...classes].sort((a, b) => a - b)) {
    const disabledAt = component.find((state) => !graph.enabled(state).includes(fairness));
    if (disabledAt !== undefined) {
      waypoints.push({ state: disabledAt });
      continue;
    }
    let taken: { from: number; to: number } | undefined;
    for (const from of component) {
      const edge = graph.edges(from).find((candidate) => candidate.fairness === fairness && members.has(candidate.to));
      if (edge !== undefined) {
        taken = { from, to: edge.to };
        break;
      }
    }
    // Continuously enabled in the whole component, never taken inside it: no fair cycle here.
    if (taken === undefined) return undefined;
    waypoints.push({ edge: taken });
  }
  const start = component[0]!;
  const cycle: number[] = [start];
  let at = start;
  const walkTo = (target: number): void => {
    const path = pathWithin(graph, [at], new Set([target]), members)!;
    cycle.push(...path.slice(1));
    at = target;
  };
  for (const waypoint of waypoints) {
    if ("state" in waypoint) walkTo(waypoint.state);
    else {
      walkTo(waypoint.edge.from);
      cycle.push(waypoint.edge.to);
      at = waypoint.edge.to;
    }
  }
  if (at === start && cycle.length > 1) {
    // The waypoints led back to the start: the cycle is closed (its last state is the first).
    cycle.pop();
    return cycle;
  }
  // Back to the start by at least one edge: a cycle of one state is its self-loop.
  const home = pathWithin(graph, [at], new Set([start]), members, at === start);
  cycle.push(...home!.slice(1, -1));
  return cycle;
}

/**
 * A shortest path (BFS) from one of `from` to one of `targets` through `within`, both ends
 * included; with `atLeastOneEdge`, a start that is a target still needs a path back to it.
 */
function pathWithin(graph: LassoGraph, from: readonly number[], targets: Set<number>, within: Set<number>, atLeastOneEdge = false): number[] | undefined {
  const parent = new Map<number, number>();
  const queue: number[] = [];
  for (const state of from) {
    if (!atLeastOneEdge && targets.has(state)) return [state];
    parent.set(state, -1);
    queue.push(state);
  }
  for (let head = 0; head < queue.length; head++) {
    const state = queue[head]!;
    for (const { to } of graph.edges(state)) {
      if (!within.has(to)) continue;
      if (targets.has(to)) {
        const path = [to, state];
        for (let back = parent.get(state)!; back !== -1; back = parent.get(back)!) path.push(back);
        return path.reverse();
      }
      if (parent.has(to)) continue;
      parent.set(to, state);
      queue.push(to);
    }
  }
  return undefined;
}
