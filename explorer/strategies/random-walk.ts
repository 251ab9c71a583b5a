import { xoshiro128ss } from "../prng.ts";
import type { LimitKind } from "../result.ts";
import { POLL_EVERY, yieldToEventLoop } from "../run-monitor.ts";
import type { SearchContext, SearchOutcome } from "./search-context.ts";

/** Length of one walk when `maxDepth` is not given. */
export const DEFAULT_WALK_LENGTH = 1000;

/**
 * Seeded random walks (TLC's simulation mode, Stateright's `simulation` checker): `walks`
 * walks from a random initial state, each step a uniformly chosen enabled action, until a
 * state with no enabled action or `maxDepth` steps. Every choice flows from `settings.seed`,
 * so a seed reproduces the run. A visited set counts distinct states and checks each once.
 * A random walk proves nothing, so without a violation the verdict is "incomplete" (limit
 * "walks").
 */
export async function randomWalk<S, A>(context: SearchContext<S, A>, seed: number): Promise<SearchOutcome> {
  const { system, visited, checker, monitor, encoder, settings } = context;
  const maxStates = settings.maxStates ?? Number.POSITIVE_INFINITY;
  const walkLength = settings.maxDepth ?? DEFAULT_WALK_LENGTH;
  const checking = settings.checkInvariants;
  const random = xoshiro128ss(seed);
  const initials = system.initial();
  let transitions = 0;
  let terminalStates = 0;
  let deepest = 0;
  let countdown = POLL_EVERY;
  let initialIndex = 0;
  const path: number[] = [];

  const end = (verdict: SearchOutcome["verdict"], limitHit?: LimitKind): SearchOutcome => {
    const outcome: SearchOutcome = { verdict, distinctStates: Math.min(visited.size, maxStates), transitions, maxDepth: deepest, terminalStates };
    if (limitHit !== undefined) outcome.limitHit = limitHit;
    return outcome;
  };
  const walkPath = () => ({ initialIndex, actionIndices: path.slice() });

  for (let walk = 0; walk < settings.walks; walk++) {
    initialIndex = random.below(initials.length);
    path.length = 0;
    let state = initials[initialIndex];
    for (;;) {
      const found = encoder.insert(visited, state);
      const isNew = found >= 0;
      if (isNew && found >= maxStates) return end("incomplete", "states");
      if (isNew && checking) {
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
        countdown = POLL_EVERY;
        const limit = monitor.poll({ states: visited.size, transitions, depth: path.length, queue: 0 });
        if (limit !== undefined) return end("incomplete", limit);
        if (monitor.yieldDue()) await yieldToEventLoop();
      }
    }
  }
  return end(checker.first ? "violation" : "incomplete", checker.first ? undefined : "walks");
}
