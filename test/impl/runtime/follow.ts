import { expect } from "vitest";
import type { TransitionSystem } from "../../../explorer/transition-system.ts";
import type { ScheduleStep } from "../../../spec/common/schedule.ts";

/** The enabled actions of `state` as Schedule steps, in order. */
export function stepsAt<S, A>(system: TransitionSystem<S, A>, state: S): ScheduleStep[] {
  return system.actions(state).map((action) => system.toStep(action));
}

/** The state reached from the initial state by `steps`, each of which must be enabled when taken. */
export function follow<S, A>(system: TransitionSystem<S, A>, steps: readonly ScheduleStep[], from: S = system.initial()[0]!): S {
  let state = from;
  for (const step of steps) {
    const action = system.fromStep(state, step);
    expect(action, `${JSON.stringify(step)} is enabled`).toBeDefined();
    state = system.step(state, action!);
  }
  return state;
}
