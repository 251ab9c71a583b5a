import type { SearchResume } from "../checkpoint/index.ts";
import { restorePrng, seededPrng } from "../prng.ts";
import type { LimitKind } from "../result.ts";
import { yieldToEventLoop } from "../run-monitor.ts";
import { readWalkPosition, replayWalk, type WalkCounters } from "./random-walk-checkpoint.ts";
import { errorLine, type SearchContext, type SearchOutcome } from "./search-context.ts";

/** Length of one walk when `maxDepth` is not given. */
export const DEFAULT_WALK_LENGTH = 1000;

/**
 * Seeded random walks (TLC's simulation mode, Stateright's `simulation` checker): `walks`
 * walks from a random initial state, each step a uniformly chosen enabled action, until a
 * state with no enabled action or `maxDepth` steps. Every choice flows from `settings.seed`,
 * so a seed reproduces the run. A visited set counts distinct states and checks each once.
 * Finishing every walk without a violation proves nothing: the verdict is "no-violation"
 * (not "pass"), with `runs` walks of up to `maxSteps` steps. Checkpoints are taken between two
 * steps (`random-walk-checkpoint.ts`); `resume` continues from one.
 */
export async function randomWalk<S, A>(context: SearchContext<S, A>, seed: number, resume?: SearchResume): Promise<SearchOutcome> {
  const { system, visited, checker, monitor, encoder, settings, checkpoint } = context;
  const maxStates = settings.maxStates ?? Number.POSITIVE_INFINITY;
  const walkLength = settings.maxDepth ?? DEFAULT_WALK_LENGTH;
  const checking = settings.checkInvariants;
  const pollEvery = monitor.pollEvery;
  // Read before the search: a checkpoint that does not add up is bad input, not a model error.
  const from = resume ? readWalkPosition(resume) : undefined;
  const random = from ? restorePrng(from.counters.random) : seededPrng(seed);
  let transitions = from?.counters.transitions ?? 0;
  let terminalStates = from?.counters.terminalStates ?? 0;
  let deepest = from?.counters.deepest ?? 0;
  let walk = from?.counters.walk ?? 0;
  let initialIndex = from?.counters.initialIndex ?? 0;
  const path: number[] = from?.path ?? [];
  let countdown = pollEvery;

  const end = (verdict: SearchOutcome["verdict"], limitHit?: LimitKind, error?: unknown): SearchOutcome => {
    const outcome: SearchOutcome = { verdict, distinctStates: Math.min(visited.size, maxStates), transitions, maxDepth: deepest, terminalStates, runs: walk, maxSteps: walkLength };
    if (limitHit !== undefined) outcome.limitHit = limitHit;
    if (error !== undefined) outcome.error = errorLine(error);
    return outcome;
  };
  const walkPath = () => ({ initialIndex, actionIndices: path.slice() });
  const save = (): void =>
    checkpoint!.save({ walk, initialIndex, random: [...random.state()] as WalkCounters["random"], transitions, terminalStates, deepest } satisfies WalkCounters, {
      path: Int32Array.from(path),
    });

  try {
    const initials = system.initial();
    let resumed = from ? replayWalk(system, initialIndex, path) : undefined;
    if (from) {
      // An abort or a spent time limit ends a resumed run before it does anything.
      const limit = monitor.poll({ states: visited.size, transitions, depth: path.length, queue: 0 });
      if (limit !== undefined) {
        if (checkpoint?.due(limit)) save();
        return end("incomplete", limit);
      }
    }
    for (; walk < settings.walks; walk++) {
      let state: S;
      if (resumed !== undefined) {
        state = resumed;
        resumed = undefined;
      } else {
        initialIndex = random.below(initials.length);
        path.length = 0;
        state = initials[initialIndex];
      }
      for (;;) {
        const found = encoder.insert(visited, state);
        const isNew = found >= 0;
        if (isNew && found >= maxStates) return end("incomplete", "states");
        if (isNew && checking) {
          checker.reached(state, () => ({ path: walkPath() }));
          const failed = checker.violated(state);
          if (failed !== undefined && checker.note(failed, walkPath)) return end("violation");
        }
        const actions = system.actions(state);
        if (actions.length === 0) {
          if (isNew) terminalStates++;
          const atEnd = isNew && checking ? checker.violatedAtEnd(state) : undefined;
          if (atEnd !== undefined && checker.note(atEnd, walkPath)) return end("violation");
          break;
        }
        if (path.length >= walkLength) break;
        const choice = random.below(actions.length);
        state = system.step(state, actions[choice]);
        transitions++;
        path.push(choice);
        if (path.length > deepest) deepest = path.length;
        if (--countdown === 0) {
          countdown = pollEvery;
          const limit = monitor.poll({ states: visited.size, transitions, depth: path.length, queue: 0 });
          if (checkpoint?.due(limit)) save();
          if (limit !== undefined) return end("incomplete", limit);
          if (monitor.yieldDue()) await yieldToEventLoop();
        }
      }
    }
  } catch (error) {
    return end("incomplete", "error", error);
  }
  return end(checker.first ? "violation" : "no-violation");
}
