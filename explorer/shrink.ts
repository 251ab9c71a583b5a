import type { ScheduleStep } from "../spec/common/schedule.ts";
import type { Invariant, TransitionSystem } from "./transition-system.ts";

/** Up to this length every chunk size is tried; longer schedules halve their chunk size. */
const EXHAUSTIVE_UP_TO = 64;

/**
 * Shrinks a counterexample found by DFS or a random walk, which is rarely the shortest
 * (BFS's is). Like fast-check's shrinking and Stateright's trace minimisation, it keeps a
 * candidate only if it still replays — every step enabled where it is taken — and still
 * reaches a state violating the same property (see `shrinkTo`).
 */
export function shrinkCounterexample<S, A>(system: TransitionSystem<S, A>, steps: readonly ScheduleStep[], property: string): ScheduleStep[] {
  const invariant = system.invariants.find((candidate) => candidate.name === property);
  const terminal = system.terminal?.name === property ? system.terminal : undefined;
  if (invariant === undefined && terminal === undefined) return steps.slice();
  return shrinkTo(system, steps, (state) => (invariant !== undefined && !invariant.holds(state)) || (terminal !== undefined && system.actions(state).length === 0 && !terminal.holds(state)));
}

/**
 * Shrinks the witness of a `sometimes` property found by DFS or a random walk the same way:
 * a candidate is kept if it replays and still reaches a state where `property` holds.
 */
export function shrinkWitness<S, A>(system: TransitionSystem<S, A>, steps: readonly ScheduleStep[], property: Invariant<S>): ScheduleStep[] {
  return shrinkTo(system, steps, (state) => property.holds(state));
}

/**
 * Deletes chunks of consecutive steps, the largest first (a loop in the trace is one chunk,
 * and deleting only part of it would leave a step that is not enabled), and cuts each
 * accepted candidate after its first state that is `wanted`, until no deletion is accepted:
 * no single chunk can be removed. A schedule that never reaches a wanted state after a step
 * is returned as it is.
 */
function shrinkTo<S, A>(system: TransitionSystem<S, A>, steps: readonly ScheduleStep[], wanted: (state: S) => boolean): ScheduleStep[] {
  const firstHit = (candidate: readonly ScheduleStep[]): number => firstWanted(system, candidate, wanted);
  const end = firstHit(steps);
  if (end < 0) return steps.slice();
  let current = steps.slice(0, end + 1);
  for (let shrunk = true; shrunk; ) {
    shrunk = false;
    for (const chunk of chunkSizes(current.length)) {
      for (let start = 0; start + chunk <= current.length; start++) {
        const candidate = [...current.slice(0, start), ...current.slice(start + chunk)];
        const at = firstHit(candidate);
        if (at < 0) continue;
        current = candidate.slice(0, at + 1);
        shrunk = true;
        break;
      }
      if (shrunk) break;
    }
  }
  return current;
}

/** Every size from length − 1 down to 1 for short schedules; halving sizes for long ones. */
function chunkSizes(length: number): number[] {
  const sizes: number[] = [];
  if (length <= EXHAUSTIVE_UP_TO) {
    for (let size = length - 1; size >= 1; size--) sizes.push(size);
    return sizes;
  }
  for (let size = Math.floor(length / 2); size >= 1; size = Math.floor(size / 2)) sizes.push(size);
  return sizes;
}

/**
 * The index of the step after which the state is first `wanted` (the initial state is not
 * looked at: a shrunk schedule has at least one step), or -1 when the steps do not replay or
 * never reach such a state. The first initial state is used, as the explorer's Schedules assume.
 */
function firstWanted<S, A>(system: TransitionSystem<S, A>, steps: readonly ScheduleStep[], wanted: (state: S) => boolean): number {
  let state = system.initial()[0];
  if (state === undefined) return -1;
  for (let index = 0; index < steps.length; index++) {
    const action = system.fromStep(state, steps[index]!);
    if (action === undefined) return -1;
    state = system.step(state, action);
    if (wanted(state)) return index;
  }
  return -1;
}
