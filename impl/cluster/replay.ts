import { describeStep } from "../../spec/common/schedule.ts";
import type { ScheduleStep } from "../../spec/common/schedule.ts";
import type { Cluster } from "./cluster.ts";
import type { ClusterState } from "./cluster-state.ts";
import { applyStep, enabledSteps, findEnabledStep } from "./cluster-steps.ts";
import type { Prng } from "../../explorer/prng.ts";

/**
 * Replays Schedule steps from the initial state and returns every state visited (initial
 * first). A step that is not enabled is a divergence and throws, naming the step.
 */
export function replaySteps(cluster: Cluster, steps: readonly ScheduleStep[]): ClusterState[] {
  const states = [cluster.initial()];
  steps.forEach((step, index) => {
    const current = states[states.length - 1]!;
    const enabled = findEnabledStep(cluster, current, step);
    if (enabled === undefined) throw new Error(`step ${index} (${describeStep(step)}) is not enabled in the replayed state`);
    states.push(applyStep(cluster, current, enabled));
  });
  return states;
}

/**
 * A random run driven by a seeded PRNG: at each state one enabled step is chosen uniformly,
 * until none is enabled or `maxSteps` is reached. The returned steps replay it exactly.
 */
export function randomRun(cluster: Cluster, random: Prng, maxSteps: number): { steps: ScheduleStep[]; states: ClusterState[] } {
  const states = [cluster.initial()];
  const steps: ScheduleStep[] = [];
  while (steps.length < maxSteps) {
    const current = states[states.length - 1]!;
    const enabled = enabledSteps(cluster, current);
    if (enabled.length === 0) break;
    const step = enabled[random.below(enabled.length)]!;
    steps.push(step);
    states.push(applyStep(cluster, current, step));
  }
  return { steps, states };
}
