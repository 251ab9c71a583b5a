import type { SearchResume } from "../checkpoint/index.ts";
import type { LimitKind } from "../result.ts";
import { yieldToEventLoop } from "../run-monitor.ts";
import { ExactStateStore } from "../visited/index.ts";
import { livenessFlags } from "../liveness/check-liveness.ts";
import { readBfsPosition, replayLevels, type BfsPosition } from "./breadth-first-checkpoint.ts";
import { errorLine, type SearchContext, type SearchOutcome } from "./search-context.ts";

/**
 * Level-by-level breadth-first search (TLC's default mode, Stateright's `BfsChecker`).
 * Invariants and `sometimes` are checked when a state is first stored and `terminal` when it
 * is expanded, all in BFS order, so the first violation found has a shortest path (the
 * counterexample), and so has the first state found where a `sometimes` holds (its witness).
 * Ids are handed out in discovery order, so each level is a contiguous id range. When the
 * system can `decode` and the store keeps keys, the frontier is just that range, decoded from
 * the key arena on expansion (no state object outlives its level); otherwise the level's
 * state objects are kept in an array. Checkpoints are taken between two parent expansions
 * (`breadth-first-checkpoint.ts`); `resume` continues from one.
 */
export async function breadthFirst<S, A>(context: SearchContext<S, A>, resume?: SearchResume): Promise<SearchOutcome> {
  const { system, visited, parents, checker, monitor, encoder, settings, checkpoint, graph } = context;
  const liveness = system.liveness ?? [];
  const maxStates = settings.maxStates ?? Number.POSITIVE_INFINITY;
  const maxDepth = settings.maxDepth ?? Number.POSITIVE_INFINITY;
  const checking = settings.checkInvariants;
  // Under symmetry the arena holds orbit representatives, not the states whose action indices
  // the parent log records, so the frontier keeps the states themselves.
  const arena = system.decode !== undefined && !settings.symmetry && visited instanceof ExactStateStore ? visited : undefined;
  // With `encodeSuccessor`, a successor is built only when it is new.
  const keyOnly = encoder.keysSuccessors;
  const pollEvery = monitor.pollEvery;
  // Read before the search: a checkpoint that does not add up is bad input, not a model error.
  const from: BfsPosition | undefined = resume ? readBfsPosition(resume, visited.size) : undefined;
  const statesPerDepth: number[] = from ? [...from.statesPerDepth] : [0];
  let transitions = from?.transitions ?? 0;
  let terminalStates = from?.terminalStates ?? 0;
  let depthLimited = from?.depthLimited ?? false;
  let depth = from?.depth ?? 0;
  let levelStart = from?.levelStart ?? 0;
  let levelEnd = from?.levelEnd ?? 0;
  let next = from?.next ?? 0;
  let countdown = pollEvery;

  const end = (verdict: SearchOutcome["verdict"], limitHit?: LimitKind, error?: unknown): SearchOutcome => {
    while (statesPerDepth.length > 1 && statesPerDepth[statesPerDepth.length - 1] === 0) statesPerDepth.pop();
    const outcome: SearchOutcome = {
      verdict,
      distinctStates: Math.min(visited.size, maxStates),
      transitions,
      maxDepth: statesPerDepth.length - 1,
      terminalStates,
      statesPerDepth,
    };
    if (limitHit !== undefined) outcome.limitHit = limitHit;
    if (error !== undefined) outcome.error = errorLine(error);
    return outcome;
  };
  const save = (nextParent: number): void =>
    checkpoint!.save({ depth, levelStart, levelEnd, next: nextParent, transitions, terminalStates, depthLimited, statesPerDepth: [...statesPerDepth] } satisfies BfsPosition, {});

  try {
    /** States of level `depth` and of the level being discovered, kept only without an arena to decode from. */
    let level: S[] = [];
    let discovered: S[] = [];
    if (from) {
      if (!arena) ({ level, discovered } = replayLevels(system, parents, statesPerDepth, depth, visited.size));
      // An abort or a spent time limit ends a resumed run before it does anything.
      const limit = monitor.poll({ states: visited.size, transitions, depth, queue: visited.size - next });
      if (limit !== undefined) {
        if (checkpoint?.due(limit)) save(next);
        return end("incomplete", limit);
      }
    } else {
      const initials = system.initial();
      for (let i = 0; i < initials.length; i++) {
        const id = encoder.insert(visited, initials[i]);
        graph?.initial.push(id < 0 ? -1 - id : id);
        if (id < 0) continue;
        if (id >= maxStates) return end("incomplete", "states");
        parents.recordInitial(id, i);
        if (!arena) level.push(initials[i]);
        statesPerDepth[0]++;
        if (checking) checker.reached(initials[i], () => ({ id }));
        const failed = checking ? checker.violated(initials[i]) : undefined;
        if (failed !== undefined && checker.note(failed, () => parents.pathTo(id))) return end("violation");
      }
      levelEnd = visited.size;
      statesPerDepth.push(0);
    }

    for (;;) {
      const expanding = depth < maxDepth;
      for (let parentId = next; parentId < levelEnd; parentId++) {
        const state = arena ? system.decode!(arena.keys, arena.keyStart(parentId)) : level[parentId - levelStart];
        const actions = system.actions(state);
        graph?.beginState(parentId, livenessFlags(system, liveness, state));
        if (actions.length === 0) {
          terminalStates++;
          const failed = checking ? checker.violatedAtEnd(state) : undefined;
          if (failed !== undefined && checker.note(failed, () => parents.pathTo(parentId))) return end("violation");
        } else if (!expanding) {
          depthLimited = true;
        } else {
          for (let a = 0; a < actions.length; a++) {
            transitions++;
            let successor: S | undefined;
            let id: number;
            if (keyOnly) id = encoder.insertSuccessor(visited, state, actions[a]);
            else {
              successor = system.step(state, actions[a]);
              id = encoder.insert(visited, successor);
            }
            graph?.addEdge(id < 0 ? -1 - id : id, system.fairness?.(state, actions[a]) ?? -1);
            if (id < 0) continue;
            if (id >= maxStates) return end("incomplete", "states");
            parents.record(id, parentId, a);
            statesPerDepth[depth + 1]++;
            if (!arena || checking) successor ??= system.step(state, actions[a]);
            if (!arena) discovered.push(successor!);
            if (checking) checker.reached(successor!, () => ({ id }));
            const failed = checking ? checker.violated(successor!) : undefined;
            if (failed !== undefined && checker.note(failed, () => parents.pathTo(id))) return end("violation");
          }
        }
        if (--countdown === 0) {
          countdown = pollEvery;
          const limit = monitor.poll({ states: visited.size, transitions, depth, queue: visited.size - parentId - 1 });
          if (checkpoint?.due(limit)) save(parentId + 1);
          if (limit !== undefined) return end("incomplete", limit);
          if (monitor.yieldDue()) await yieldToEventLoop();
        }
      }
      if (visited.size === levelEnd) break;
      depth++;
      levelStart = levelEnd;
      levelEnd = visited.size;
      next = levelStart;
      level = discovered;
      discovered = [];
      statesPerDepth.push(0);
    }
  } catch (error) {
    return end("incomplete", "error", error);
  }
  if (depthLimited) return end("incomplete", "depth");
  return end(checker.first ? "violation" : "pass");
}
