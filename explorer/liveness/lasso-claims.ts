import type { TransitionSystem } from "../transition-system.ts";

/**
 * The liveness properties a replayed lasso violates, checked from its states alone, as the
 * explorer found it: every state of its cycle (and, for "eventually", of its stem and its
 * start) fails P, the cycle is settled (after GST) and fair — each fairness class enabled on
 * it is disabled somewhere on it or taken by one of its steps. A deadlock (`cycleFrom` equal to
 * the number of steps) is its last state, where no action is enabled. Empty when the lasso is
 * unfair or reaches P: a schedule that only claims to be a counterexample reproduces nothing.
 */
export function lassoViolations<S, A>(system: TransitionSystem<S, A>, states: readonly S[], actions: readonly A[], cycleFrom: number): string[] {
  const cycle = cycleFrom === actions.length ? [states[states.length - 1]!] : states.slice(cycleFrom, states.length - 1);
  const taken = actions.slice(cycleFrom);
  if (!cycle.every((state) => system.settled?.(state) ?? true)) return [];
  const fairness = system.fairness;
  if (fairness !== undefined) {
    const enabledOn = cycle.map((state) => new Set(system.actions(state).map((action) => fairness(state, action)).filter((fair) => fair >= 0)));
    const takenClasses = new Set(taken.map((action, index) => fairness(cycle[index]!, action)));
    for (const classes of enabledOn) {
      for (const fair of classes) if (!takenClasses.has(fair) && enabledOn.every((enabled) => enabled.has(fair))) return [];
    }
  }
  return (system.liveness ?? [])
    .filter((property) => (property.kind === "eventually" ? states : cycle).every((state) => !property.holds(state) && system.livenessCutOff?.holds(state) !== true))
    .map((property) => property.name);
}
