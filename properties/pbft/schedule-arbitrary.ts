import fc from "fast-check";
import type { Invariant } from "../../explorer/transition-system.ts";
import type { Cluster } from "../../impl/cluster/cluster.ts";
import type { ClusterState } from "../../impl/cluster/cluster-state.ts";
import { applyStep, enabledSteps } from "../../impl/cluster/cluster-steps.ts";
import type { ScheduleStep } from "../../spec/common/schedule.ts";

/**
 * A random schedule as fast-check sees it: a list of choices, each picking one enabled step
 * (index modulo the number enabled). Shrinking a choice towards 0 prefers the first enabled
 * step, and shrinking the list shortens the run, so failing schedules shrink to short ones.
 */
export function choicesArbitrary(maxLength = 80): fc.Arbitrary<number[]> {
  return fc.array(fc.nat({ max: 1000 }), { minLength: 1, maxLength });
}

export interface ChoiceRun {
  steps: ScheduleStep[];
  states: ClusterState[];
  /** The first invariant that failed, and after how many steps. */
  violation?: { property: string; afterStep: number };
}

/**
 * Runs the choices through the cluster, checking the invariants after every step. With
 * `completeWithin`, once the choices are used up the run goes on taking the first enabled step
 * (deliveries come first) for at most that many steps, so that short random prefixes still
 * reach execution.
 */
export function runChoices(
  cluster: Cluster,
  choices: readonly number[],
  invariants: readonly Invariant<ClusterState>[],
  completeWithin = 0,
): ChoiceRun {
  const states = [cluster.initial()];
  const steps: ScheduleStep[] = [];
  const allChoices = [...choices, ...new Array<number>(completeWithin).fill(0)];
  for (const choice of allChoices) {
    const current = states[states.length - 1]!;
    const enabled = enabledSteps(cluster, current);
    if (enabled.length === 0) break;
    const step = enabled[choice % enabled.length]!;
    const next = applyStep(cluster, current, step);
    steps.push(step);
    states.push(next);
    const failed = invariants.find((invariant) => !invariant.holds(next));
    if (failed !== undefined) return { steps, states, violation: { property: failed.name, afterStep: steps.length } };
  }
  return { steps, states };
}
