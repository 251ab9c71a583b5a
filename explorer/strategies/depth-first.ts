import type { SearchResume } from "../checkpoint/index.ts";
import { ensureCapacity } from "../visited/growable.ts";
import type { StatePath } from "../parent-log.ts";
import type { LimitKind } from "../result.ts";
import { yieldToEventLoop } from "../run-monitor.ts";
import { readDfsCounters, replayStack, type DfsCounters } from "./depth-first-checkpoint.ts";
import { errorLine, type SearchContext, type SearchOutcome } from "./search-context.ts";

/**
 * Stateful depth-first search with an optional depth bound (SPIN's default search, `-m`).
 * The stack is the current path, so a counterexample is read off it (not a shortest one).
 * With a bound, a state first reached deep may be reached again by a shorter path later; it
 * is then expanded again from the shallower depth (SPIN's `-DREACH`), so no state within the
 * bound is missed. Those re-expansions count their transitions again. The run is reported
 * incomplete (limit "depth") as soon as any state with enabled actions sat at the bound, even
 * if it was later expanded from a shallower depth: conservative, never a false "pass".
 * Checkpoints are taken between two steps (`depth-first-checkpoint.ts`); `resume` continues from one.
 */
export async function depthFirst<S, A>(context: SearchContext<S, A>, resume?: SearchResume): Promise<SearchOutcome> {
  const { system, visited, checker, monitor, encoder, settings, checkpoint } = context;
  const maxStates = settings.maxStates ?? Number.POSITIVE_INFINITY;
  const maxDepth = settings.maxDepth ?? Number.POSITIVE_INFINITY;
  const checking = settings.checkInvariants;
  const pollEvery = monitor.pollEvery;
  // Read before the search: a checkpoint that does not add up is bad input, not a model error.
  const from = resume ? readDfsCounters(resume, visited.size) : undefined;
  let stackStates: S[] = [];
  let stackActions: (readonly A[])[] = [];
  const stackNext: number[] = from?.stackNext ?? [];
  let rootIndex = from?.counters.rootIndex ?? 0;
  let depthOf = from?.depthOf ?? new Int32Array(1 << 16);
  let transitions = from?.counters.transitions ?? 0;
  let terminalStates = from?.counters.terminalStates ?? 0;
  let deepest = from?.counters.deepest ?? 0;
  let depthLimited = from?.counters.depthLimited ?? false;
  let countdown = pollEvery;

  const stackPath = (): StatePath => ({ initialIndex: rootIndex, actionIndices: stackNext.map((next) => next - 1) });
  const end = (verdict: SearchOutcome["verdict"], limitHit?: LimitKind, error?: unknown): SearchOutcome => {
    const outcome: SearchOutcome = { verdict, distinctStates: Math.min(visited.size, maxStates), transitions, maxDepth: deepest, terminalStates };
    if (limitHit !== undefined) outcome.limitHit = limitHit;
    if (error !== undefined) outcome.error = errorLine(error);
    return outcome;
  };
  const save = (): void =>
    checkpoint!.save({ rootIndex, transitions, terminalStates, deepest, depthLimited } satisfies DfsCounters, {
      depthOf: depthOf.subarray(0, visited.size),
      stackNext: Int32Array.from(stackNext),
    });

  /** Stores and checks a reached state; pushes it when it must be expanded. True = stop. */
  const visit = (state: S, depth: number): boolean | LimitKind => {
    const found = encoder.insert(visited, state);
    const isNew = found >= 0;
    const id = isNew ? found : -1 - found;
    if (isNew && id >= maxStates) return "states";
    if (!isNew && (maxDepth === Number.POSITIVE_INFINITY || depthOf[id] <= depth)) return false;
    depthOf = ensureCapacity(depthOf, id + 1);
    depthOf[id] = depth;
    if (depth > deepest) deepest = depth;
    const actions = system.actions(state);
    if (isNew) {
      if (checking) checker.reached(state, () => ({ path: stackPath() }));
      const failed = checking ? checker.violated(state) : undefined;
      if (failed !== undefined && checker.note(failed, stackPath)) return true;
      if (actions.length === 0) {
        terminalStates++;
        const atEnd = checking ? checker.violatedAtEnd(state) : undefined;
        if (atEnd !== undefined && checker.note(atEnd, stackPath)) return true;
      }
    }
    if (actions.length === 0) return false;
    if (depth >= maxDepth) {
      depthLimited = true;
      return false;
    }
    stackStates.push(state);
    stackActions.push(actions);
    stackNext.push(0);
    return false;
  };
  const stopped = (signal: boolean | LimitKind): SearchOutcome | undefined =>
    signal === true ? end("violation") : signal === false ? undefined : end("incomplete", signal);

  try {
    if (from) {
      ({ stackStates, stackActions } = replayStack(system, rootIndex, stackNext));
      // An abort or a spent time limit ends a resumed run before it does anything.
      const limit = monitor.poll({ states: visited.size, transitions, depth: stackStates.length, queue: stackStates.length });
      if (limit !== undefined) {
        if (checkpoint?.due(limit)) save();
        return end("incomplete", limit);
      }
    }
    const initials = system.initial();
    let resumingRoot = from !== undefined;
    for (; rootIndex < initials.length; rootIndex++) {
      if (resumingRoot) resumingRoot = false;
      else {
        const atRoot = stopped(visit(initials[rootIndex], 0));
        if (atRoot) return atRoot;
      }
      while (stackStates.length > 0) {
        const top = stackStates.length - 1;
        const actions = stackActions[top];
        const index = stackNext[top];
        if (index === actions.length) {
          stackStates.pop();
          stackActions.pop();
          stackNext.pop();
          continue;
        }
        stackNext[top] = index + 1;
        const successor = system.step(stackStates[top], actions[index]);
        transitions++;
        const result = stopped(visit(successor, top + 1));
        if (result) return result;
        if (--countdown === 0) {
          countdown = pollEvery;
          const limit = monitor.poll({ states: visited.size, transitions, depth: stackStates.length, queue: stackStates.length });
          if (checkpoint?.due(limit)) save();
          if (limit !== undefined) return end("incomplete", limit);
          if (monitor.yieldDue()) await yieldToEventLoop();
        }
      }
    }
  } catch (error) {
    return end("incomplete", "error", error);
  }
  if (depthLimited) return end("incomplete", "depth");
  return end(checker.first ? "violation" : "pass");
}
