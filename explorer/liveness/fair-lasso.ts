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
 *
 * A state with no enabled action ends its run there: as in TLA+, the run stutters in it for
 * ever, which no fairness class can object to (nothing is enabled). Such a state failing P is a
 * lasso whose cycle is that one state and no edge: a deadlock.
 */
export interface LassoGraph {
  initial: readonly number[];
  /** Edges out of a state, each with the fairness class of its action, or −1 for none. */
  edges(state: number): readonly { to: number; fairness: number }[];
  /** The fairness classes whose action is enabled in a state. */
  enabled(state: number): readonly number[];
  /** P: a state where the awaited condition holds (a lasso avoids all of them). */
  goal(state: number): boolean;
  /**
   * Whether a run may stay among such states for ever (default: every state). Partial
   * synchrony's GST: a run that never reaches it is not a run of the model, so a cycle counts
   * only among states after GST; its stem may pass anywhere.
   */
  settled?(state: number): boolean;
  /** States a run never passes (the model's cut-off, where runs end): no stem or cycle goes through one. Default: none. */
  blocked?(state: number): boolean;
}

export interface Lasso {
  /** States from an initial state to the cycle's first state, that one included. */
  stem: number[];
  /** The cycle from its first state back to just before it (the stem's last state starts it). */
  cycle: number[];
  /**
   * The edge each cycle state takes, as its index in `edges(state)` (the cycle's fairness rests
   * on which edge, not only on which state comes next); `[-1]` for a deadlock's stutter.
   */
  cycleEdges: number[];
  /** The cycle is a state with no enabled action, stuttering for ever. */
  deadlock: boolean;
}

/**
 * "eventually P" (`from: "initial"`, the default): a lasso whose stem avoids P too.
 * "always eventually P" (`from: "anywhere"`): only the cycle must avoid P; the stem is any path.
 */
export type LassoMode = "initial" | "anywhere";

/** A fair lasso of states that all fail `goal`, or undefined when every fair run reaches it. */
export function findFairLasso(graph: LassoGraph, mode: LassoMode = "initial"): Lasso | undefined {
  const open = (state: number) => graph.blocked?.(state) !== true;
  const stemWithin = reachable(graph, mode === "initial" ? (state) => open(state) && !graph.goal(state) : open);
  const settled = graph.settled ?? (() => true);
  const cyclic = new Set([...stemWithin].filter((state) => !graph.goal(state) && settled(state)));
  const stemTo = (target: number): number[] => pathWithin(graph, graph.initial.filter((state) => stemWithin.has(state)), new Set([target]), stemWithin)!;
  for (const component of stronglyConnected(graph, cyclic)) {
    const found = fairCycleIn(graph, component);
    if (found === undefined) continue;
    return { stem: stemTo(found.cycle[0]!), ...found, deadlock: false };
  }
  const ends = [...cyclic].filter((state) => graph.edges(state).length === 0).sort((a, b) => a - b);
  if (ends.length > 0) return { stem: stemTo(ends[0]!), cycle: [ends[0]!], cycleEdges: [-1], deadlock: true };
  return undefined;
}

/** The states reachable from an initial state through states that `pass` only (each passing too). */
function reachable(graph: LassoGraph, pass: (state: number) => boolean): Set<number> {
  const seen = new Set<number>();
  const stack = graph.initial.filter(pass);
  for (const state of stack) seen.add(state);
  while (stack.length > 0) {
    for (const { to } of graph.edges(stack.pop()!)) {
      if (seen.has(to) || !pass(to)) continue;
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
    // Iterative, so that a long chain of states does not overflow the call stack; each frame
    // keeps its state's edges inside `within`, read once.
    const open = (state: number) => ({ state, out: graph.edges(state).filter(({ to }) => within.has(to)), next: 0 });
    const work = [open(root)];
    index.set(root, counter);
    low.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      if (frame.next < frame.out.length) {
        const { to } = frame.out[frame.next++]!;
        if (!index.has(to)) {
          index.set(to, counter);
          low.set(to, counter++);
          stack.push(to);
          onStack.add(to);
          work.push(open(to));
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
      const selfLoop = frame.out.some(({ to }) => to === frame.state);
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
function fairCycleIn(graph: LassoGraph, component: number[]): { cycle: number[]; cycleEdges: number[] } | undefined {
  const members = new Set(component);
  // Per class: in how many of the component's states it is enabled, and one edge of it inside.
  const enabledIn = new Map<number, number>();
  const edgeOf = new Map<number, { from: number; edge: number }>();
  for (const from of component) {
    for (const fairness of graph.enabled(from)) enabledIn.set(fairness, (enabledIn.get(fairness) ?? 0) + 1);
    graph.edges(from).forEach((candidate, edge) => {
      if (candidate.fairness >= 0 && members.has(candidate.to) && !edgeOf.has(candidate.fairness)) edgeOf.set(candidate.fairness, { from, edge });
    });
  }
  const takenEdges: { from: number; edge: number }[] = [];
  const pending = new Set<number>();
  for (const [fairness, count] of [...enabledIn].sort((a, b) => a[0] - b[0])) {
    if (count < component.length) pending.add(fairness);
    else if (edgeOf.has(fairness)) takenEdges.push(edgeOf.get(fairness)!);
    // Continuously enabled in the whole component, never taken inside it: no fair cycle here.
    else return undefined;
  }
  const disablingStates: number[] = [];
  for (const state of component) {
    if (pending.size === 0) break;
    const enabledHere = new Set(graph.enabled(state));
    let disables = false;
    for (const fairness of pending) {
      if (enabledHere.has(fairness)) continue;
      pending.delete(fairness);
      disables = true;
    }
    if (disables) disablingStates.push(state);
  }
  const start = component[0]!;
  const cycle: number[] = [start];
  const cycleEdges: number[] = [];
  let at = start;
  const walk = (path: number[]): void => {
    for (let i = 1; i < path.length; i++) {
      cycleEdges.push(edgeIndex(graph, path[i - 1]!, path[i]!));
      cycle.push(path[i]!);
    }
    at = path[path.length - 1]!;
  };
  for (const state of disablingStates) walk(pathWithin(graph, [at], new Set([state]), members)!);
  for (const { from, edge } of takenEdges) {
    walk(pathWithin(graph, [at], new Set([from]), members)!);
    cycleEdges.push(edge);
    at = graph.edges(from)[edge]!.to;
    cycle.push(at);
  }
  // Back to the start by at least one edge: a cycle of one state is its self-loop.
  if (at !== start || cycle.length === 1) walk(pathWithin(graph, [at], new Set([start]), members, true)!);
  // The last state pushed is the start again: the cycle is written without it.
  cycle.pop();
  return { cycle, cycleEdges };
}

/** The index of the first edge from `from` to `to`. */
export function edgeIndex(graph: LassoGraph, from: number, to: number): number {
  return graph.edges(from).findIndex((edge) => edge.to === to);
}

/**
 * A shortest path (BFS) from one of `from` to a state where `isTarget` holds, passing only
 * states where `mayPass` holds (a target need not be passable: the path ends there), both ends
 * included; with `atLeastOneEdge`, a start that is a target still needs a path back to it.
 */
export function shortestPath(
  graph: Pick<LassoGraph, "edges">,
  from: readonly number[],
  isTarget: (state: number) => boolean,
  mayPass: (state: number) => boolean,
  atLeastOneEdge = false,
): number[] | undefined {
  const parent = new Map<number, number>();
  const queue: number[] = [];
  for (const state of from) {
    if (!atLeastOneEdge && isTarget(state)) return [state];
    if (parent.has(state)) continue;
    parent.set(state, -1);
    queue.push(state);
  }
  for (let head = 0; head < queue.length; head++) {
    const state = queue[head]!;
    for (const { to } of graph.edges(state)) {
      if (isTarget(to)) {
        const path = [to, state];
        for (let back = parent.get(state)!; back !== -1; back = parent.get(back)!) path.push(back);
        return path.reverse();
      }
      if (parent.has(to) || !mayPass(to)) continue;
      parent.set(to, state);
      queue.push(to);
    }
  }
  return undefined;
}

/** A shortest path from one of `from` to one of `targets` through `within` (targets inside it). */
function pathWithin(graph: LassoGraph, from: readonly number[], targets: Set<number>, within: Set<number>, atLeastOneEdge = false): number[] | undefined {
  return shortestPath(graph, from, (state) => targets.has(state) && within.has(state), (state) => within.has(state), atLeastOneEdge);
}
