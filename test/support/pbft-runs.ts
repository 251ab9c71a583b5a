import fc from "fast-check";
import type { RuntimeInvariant, RuntimeView } from "../../impl/runtime/index.ts";
import { runtimeSystem } from "../../impl/runtime/runtime-system.ts";
import { viewOf } from "../../impl/runtime/runtime-views.ts";
import { pbftConfigSchema, pbftProtocol, type PbftConfig } from "../../models/pbft/pbft-protocol.ts";
import type { PbftConfigInput } from "../../spec/pbft/config.ts";
import type { ScheduleStep } from "../../spec/common/schedule.ts";

/** n = 4, f = 1 with the paper's quorums, one client, one request, unless overridden. */
export function pbftSystem(overrides: Partial<PbftConfigInput> = {}) {
  const config: PbftConfig = pbftConfigSchema.parse({ n: 4, f: 1, requests: 1, checkpointInterval: 1, window: 2, ...overrides });
  return runtimeSystem(pbftProtocol, config);
}
export type PbftSystem = ReturnType<typeof pbftSystem>;

/**
 * A random schedule as fast-check sees it: a list of choices, each picking one enabled action
 * (index modulo the number enabled). Shrinking a choice towards 0 prefers the first enabled
 * action, and shrinking the list shortens the run, so failing schedules shrink to short ones.
 */
export function choicesArbitrary(maxLength = 80, minLength = 1): fc.Arbitrary<number[]> {
  // Unbiased: fast-check's bias towards small numbers would pick the first enabled action (a
  // delivery) most of the time, and a forgery among dozens of offers almost never.
  return fc.noBias(fc.array(fc.nat({ max: 1000 }), { minLength, maxLength }));
}

export interface ChoiceRun {
  steps: ScheduleStep[];
  views: RuntimeView[];
  /** The first invariant that failed, and after how many steps. */
  violation?: { property: string; afterStep: number };
}

/**
 * Runs the choices through the runtime, checking the invariants after every step. With
 * `completeWithin`, once the choices are used up the run goes on taking the first enabled action
 * (deliveries come first), never a partition, for at most that many steps, so that short random prefixes still reach execution.
 */
export function runChoices(system: PbftSystem, choices: readonly number[], invariants: readonly RuntimeInvariant[], completeWithin = 0): ChoiceRun {
  let state = system.initial()[0]!;
  const views = [viewOf(system.runtime, state)];
  const steps: ScheduleStep[] = [];
  const completing = choices.length;
  for (const [index, choice] of [...choices, ...new Array<number>(completeWithin).fill(0)].entries()) {
    const all = system.actions(state);
    // Completing, the network splits no more: else the first enabled action could be a partition, again and again.
    const enabled = index < completing ? all : all.filter((action) => !("kind" in action) || action.kind !== "partition");
    if (enabled.length === 0) break;
    const action = enabled[choice % enabled.length]!;
    steps.push(system.toStep!(action));
    state = system.step(state, action);
    const view = viewOf(system.runtime, state);
    views.push(view);
    const failed = invariants.find((invariant) => !invariant.holds(view));
    if (failed !== undefined) return { steps, views, violation: { property: failed.name, afterStep: steps.length } };
  }
  return { steps, views };
}

/** Replays Schedule steps from the initial state; every view visited, the initial one first. */
export function replayViews(system: PbftSystem, steps: readonly ScheduleStep[]): RuntimeView[] {
  let state = system.initial()[0]!;
  const views = [viewOf(system.runtime, state)];
  steps.forEach((step, index) => {
    const action = system.fromStep!(state, step);
    if (action === undefined) throw new Error(`step ${index} (${JSON.stringify(step)}) is not enabled`);
    state = system.step(state, action);
    views.push(viewOf(system.runtime, state));
  });
  return views;
}

/** The first enabled step of a kind (and fields) in the state the steps lead to. */
export function enabledStep(system: PbftSystem, steps: readonly ScheduleStep[], matches: (step: ScheduleStep) => boolean): ScheduleStep | undefined {
  let state = system.initial()[0]!;
  for (const step of steps) state = system.step(state, system.fromStep!(state, step)!);
  return system.actions(state).map((action) => system.toStep!(action)).find(matches);
}
