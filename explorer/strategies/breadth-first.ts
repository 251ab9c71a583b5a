import { POLL_EVERY, yieldToEventLoop } from "../run-monitor.ts";
import type { LimitKind } from "../result.ts";
import type { SearchContext, SearchOutcome } from "./search-context.ts";

/**
 * Level-by-level breadth-first search (TLC's default mode, Stateright's `BfsChecker`).
 * Invariants are checked when a state is first stored and `terminal` when it is expanded,
 * both in BFS order, so the first violation found has a shortest path (the counterexample).
 * Only the frontier is kept as state objects; visited states live in the typed-array store
 * and are reached again through the parent log.
 */
export async function breadthFirst<S, A>(context: SearchContext<S, A>): Promise<SearchOutcome> {
  const { system, visited, parents, checker, monitor, encoder, settings } = context;
  const maxStates = settings.maxStates ?? Number.POSITIVE_INFINITY;
  const maxDepth = settings.maxDepth ?? Number.POSITIVE_INFINITY;
  const checking = settings.checkInvariants;
  const statesPerDepth: number[] = [];
  let transitions = 0;
  let terminalStates = 0;
  let countdown = POLL_EVERY;

  const end = (verdict: SearchOutcome["verdict"], limitHit?: LimitKind): SearchOutcome => {
    while (statesPerDepth.length > 0 && statesPerDepth[statesPerDepth.length - 1] === 0) statesPerDepth.pop();
    const outcome: SearchOutcome = {
      verdict,
      distinctStates: Math.min(visited.size, maxStates),
      transitions,
      maxDepth: Math.max(0, statesPerDepth.length - 1),
      terminalStates,
      statesPerDepth,
    };
    if (limitHit !== undefined) outcome.limitHit = limitHit;
    return outcome;
  };

  let frontier: S[] = [];
  let frontierIds: number[] = [];
  const initials = system.initial();
  statesPerDepth.push(0);
  for (let i = 0; i < initials.length; i++) {
    const id = encoder.insert(visited, initials[i]);
    if (id < 0) continue;
    if (id >= maxStates) return end("incomplete", "states");
    parents.recordInitial(id, i);
    frontier.push(initials[i]);
    frontierIds.push(id);
    statesPerDepth[0]++;
    const failed = checking ? checker.violated(initials[i]) : undefined;
    if (failed !== undefined && checker.note(failed, () => parents.pathTo(id))) return end("violation");
  }

  let depthLimited = false;
  for (let depth = 0; frontier.length > 0; depth++) {
    const next: S[] = [];
    const nextIds: number[] = [];
    statesPerDepth.push(0);
    const expanding = depth < maxDepth;
    for (let f = 0; f < frontier.length; f++) {
      const state = frontier[f];
      const parentId = frontierIds[f];
      const actions = system.actions(state);
      if (actions.length === 0) {
        terminalStates++;
        const failed = checking ? checker.violatedAtEnd(state) : undefined;
        if (failed !== undefined && checker.note(failed, () => parents.pathTo(parentId))) return end("violation");
        continue;
      }
      if (!expanding) {
        depthLimited = true;
        continue;
      }
      for (let a = 0; a < actions.length; a++) {
        const successor = system.step(state, actions[a]);
        transitions++;
        const id = encoder.insert(visited, successor);
        if (id < 0) continue;
        if (id >= maxStates) return end("incomplete", "states");
        parents.record(id, parentId, a);
        next.push(successor);
        nextIds.push(id);
        statesPerDepth[depth + 1]++;
        const failed = checking ? checker.violated(successor) : undefined;
        if (failed !== undefined && checker.note(failed, () => parents.pathTo(id))) return end("violation");
      }
      if (--countdown === 0) {
        countdown = POLL_EVERY;
        const limit = monitor.poll({ states: visited.size, transitions, depth, queue: frontier.length - f - 1 + next.length });
        if (limit !== undefined) return end("incomplete", limit);
        if (monitor.yieldDue()) await yieldToEventLoop();
      }
    }
    frontier = next;
    frontierIds = nextIds;
  }
  if (depthLimited) return end("incomplete", "depth");
  return end(checker.first ? "violation" : "pass");
}
