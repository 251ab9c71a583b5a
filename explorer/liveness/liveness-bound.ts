import type { LassoGraph, LassoMode } from "./fair-lasso.ts";

/**
 * The bounded half of a liveness check: B, the most steps any path takes after GST (after
 * entering the settled states; from the start where every state is settled) before it reaches
 * P — for "always eventually P", also after each visit to P. Only where no fair lasso exists
 * (checked first), so every such path does reach P. B exists iff the settled ¬P states such
 * paths pass hold no cycle at all: then it is their longest path, found by one depth-first
 * pass in topological order. Otherwise some (unfair) cycle lets a path linger as long as it
 * likes, and the answer is undefined: P is reached under fairness, with no bound in steps.
 */
export function livenessBound(graph: LassoGraph, mode: LassoMode): number | undefined {
  const settled = graph.settled ?? (() => true);
  const counts = (state: number) => !graph.goal(state) && settled(state);
  // Where a path's count starts: an initial state, or the first state after an unsettled one (GST),
  // or — always eventually — after a P state.
  const entries = new Set<number>(graph.initial.filter(counts));
  const seen = new Set<number>(graph.initial);
  const stack = [...graph.initial];
  const mayPass = (state: number) => mode === "anywhere" || !graph.goal(state);
  while (stack.length > 0) {
    const from = stack.pop()!;
    if (!mayPass(from)) continue;
    for (const { to } of graph.edges(from)) {
      if (counts(to) && (!settled(from) || graph.goal(from))) entries.add(to);
      if (!seen.has(to)) {
        seen.add(to);
        stack.push(to);
      }
    }
  }
  // Longest path from each counted state to P, iteratively (post-order), −1 while on the stack.
  const longest = new Map<number, number>();
  let bound = 0;
  for (const entry of entries) {
    if (longest.has(entry)) {
      bound = Math.max(bound, longest.get(entry)!);
      continue;
    }
    const work: { state: number; out: number[]; next: number; best: number }[] = [];
    const open = (state: number) => {
      longest.set(state, -1);
      work.push({ state, out: graph.edges(state).map(({ to }) => to), next: 0, best: 0 });
    };
    open(entry);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      if (frame.next < frame.out.length) {
        const to = frame.out[frame.next++]!;
        if (!counts(to)) {
          frame.best = Math.max(frame.best, 1);
          continue;
        }
        const known = longest.get(to);
        if (known === -1) return undefined;
        if (known === undefined) open(to);
        else frame.best = Math.max(frame.best, known + 1);
        continue;
      }
      work.pop();
      longest.set(frame.state, frame.best);
      if (work.length > 0) {
        const parent = work[work.length - 1]!;
        parent.best = Math.max(parent.best, frame.best + 1);
      }
    }
    bound = Math.max(bound, longest.get(entry)!);
  }
  return bound;
}
