import type { TransitionSystem } from "../../../explorer/transition-system.ts";
import { seededPrng } from "../../../explorer/prng.ts";

/** One seeded walk: the states it passed through and the action index taken from each. */
export interface Walk<S> {
  initialIndex: number;
  /** `states[i + 1] = step(states[i], actions(states[i])[indices[i]])`; `states[0]` is initial. */
  states: S[];
  indices: number[];
}

/**
 * Samples reachable states by seeded random walks with the explorer's own PRNG, so that a
 * failing seed (printed in the test names) reproduces the very same states. A walk stops in a
 * state with no enabled action or after `maxSteps` steps.
 */
export function randomWalks<S, A>(system: TransitionSystem<S, A>, seed: number, walks: number, maxSteps: number): Walk<S>[] {
  const prng = seededPrng(seed);
  const initials = system.initial();
  return Array.from({ length: walks }, () => {
    const initialIndex = prng.below(initials.length);
    const walk: Walk<S> = { initialIndex, states: [initials[initialIndex]], indices: [] };
    for (let step = 0; step < maxSteps; step++) {
      const state = walk.states[walk.states.length - 1];
      const actions = system.actions(state);
      if (actions.length === 0) break;
      const index = prng.below(actions.length);
      walk.indices.push(index);
      walk.states.push(system.step(state, actions[index]));
    }
    return walk;
  });
}

/** Every state of the walks, in walk order (a state reached twice is listed twice). */
export function statesOf<S>(walks: readonly Walk<S>[]): S[] {
  return walks.flatMap((walk) => walk.states);
}
