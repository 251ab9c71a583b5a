import { SCHEDULE_VERSION, type Schedule } from "../spec/common/schedule.ts";
import type { StatePath } from "./parent-log.ts";
import type { TransitionSystem } from "./transition-system.ts";

/** Who found the counterexample: written into the Schedule so that it replays the same model. */
export interface ScheduleOrigin {
  model: string;
  config: Record<string, unknown>;
  seed: number;
}

/**
 * Rebuilds the actions of a stored path by replaying its action indices from its initial
 * state (the contract that `actions` is deterministic makes the indices meaningful).
 */
export function actionsAlong<S, A>(system: TransitionSystem<S, A>, path: StatePath): A[] {
  let state = system.initial()[path.initialIndex];
  if (state === undefined) throw new Error(`counterexample: no initial state ${path.initialIndex}`);
  const taken: A[] = [];
  for (const [step, index] of path.actionIndices.entries()) {
    const action = system.actions(state)[index];
    if (action === undefined) throw new Error(`counterexample: action ${index} of step ${step} is gone; actions(state) is not deterministic`);
    taken.push(action);
    state = system.step(state, action);
  }
  return taken;
}

/** The path as a Schedule (`spec/common/schedule.ts`), one step per action. */
export function scheduleOf<S, A>(system: TransitionSystem<S, A>, path: StatePath, origin: ScheduleOrigin): Schedule {
  return {
    version: SCHEDULE_VERSION,
    model: origin.model,
    config: origin.config,
    seed: origin.seed,
    steps: actionsAlong(system, path).map((action) => system.toStep(action)),
  };
}
