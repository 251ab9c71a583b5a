import { InputError } from "../spec/common/input-error.ts";
import { describeStep, type Schedule, type ScheduleStep } from "../spec/common/schedule.ts";
import type { TransitionSystem } from "./transition-system.ts";
import { lassoViolations } from "./liveness/lasso-claims.ts";

/**
 * A step of a Schedule that is not enabled where it is taken: the schedule no longer describes
 * a run of this system (the model or the code changed since it was written). An InputError,
 * so that callers that only validate input treat it as such; `replay` reports it as "no longer
 * reproduces" (exit 1).
 */
export class ReplayDivergence extends InputError {
  constructor(
    message: string,
    /** 0-based index of the step that is not enabled. */
    readonly stepIndex: number,
  ) {
    super(message);
  }
}

export interface TraceState<S> {
  state: S;
  stateDescription?: string;
  /** Properties this state fails: invariants, and `terminal` when no action is enabled. */
  failing: string[];
}

export interface TraceStep<S, A> extends TraceState<S> {
  /** 0-based position in `schedule.steps`. */
  index: number;
  step: ScheduleStep;
  description: string;
  action: A;
}

export interface Trace<S, A> {
  initial: TraceState<S>;
  steps: TraceStep<S, A>[];
  /** The first state failing a property: its step index (-1 = the initial state) and property. */
  firstViolation?: { index: number; property: string };
}

function observe<S, A>(system: TransitionSystem<S, A>, state: S): TraceState<S> {
  const failing = system.invariants.filter((invariant) => !invariant.holds(state)).map((invariant) => invariant.name);
  if (system.terminal && system.actions(state).length === 0 && !system.terminal.holds(state)) failing.push(system.terminal.name);
  const observed: TraceState<S> = { state, failing };
  if (system.describeState) observed.stateDescription = system.describeState(state);
  return observed;
}

/** Bytes equal: two encodings of states. */
function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, index) => byte === b[index]);
}

/**
 * A lasso's steps from `cycleFrom` must lead back to the state before that step (or, for a
 * deadlock, end where no action is enabled): otherwise the schedule is no longer a run that
 * repeats, whatever its steps replay.
 */
function checkCycleCloses<S, A>(system: TransitionSystem<S, A>, trace: Trace<S, A>, cycleFrom: number): void {
  const last = trace.steps.at(-1)?.state ?? trace.initial.state;
  const count = trace.steps.length;
  if (cycleFrom > count) throw new ReplayDivergence(`cycleFrom ${cycleFrom} is past the ${count} steps`, count);
  if (cycleFrom === count) {
    if (system.actions(last).length > 0) throw new ReplayDivergence(`the deadlock does not reproduce: after the last of the ${count} steps, actions are still enabled`, count);
    return;
  }
  const start = cycleFrom === 0 ? trace.initial.state : trace.steps[cycleFrom - 1]!.state;
  if (!sameBytes(system.encode(start), system.encode(last))) {
    throw new ReplayDivergence(`the cycle does not close: the state after the last step is not the state before steps[${cycleFrom}]`, count - 1);
  }
}

/** A lasso's liveness violations are failures of its last state (where the run is shown to go on for ever). */
function markLassoViolations<S, A>(system: TransitionSystem<S, A>, trace: Trace<S, A>, cycleFrom: number): void {
  const states = [trace.initial.state, ...trace.steps.map((step) => step.state)];
  const violated = lassoViolations(system, states, trace.steps.map((step) => step.action), cycleFrom);
  const last = trace.steps.at(-1) ?? trace.initial;
  last.failing.push(...violated);
  if (trace.firstViolation === undefined && violated.length > 0) trace.firstViolation = { index: trace.steps.length - 1, property: violated[0]! };
}

function replayFrom<S, A>(system: TransitionSystem<S, A>, initial: S, steps: readonly ScheduleStep[]): Trace<S, A> {
  const trace: Trace<S, A> = { initial: observe(system, initial), steps: [] };
  if (trace.initial.failing.length > 0) trace.firstViolation = { index: -1, property: trace.initial.failing[0] };
  let state = initial;
  for (const [index, step] of steps.entries()) {
    const action = system.fromStep(state, step);
    if (action === undefined) {
      const enabled = system.actions(state).map((candidate) => describeStep(system.toStep(candidate)));
      throw new ReplayDivergence(
        `replay diverged at steps[${index}] (${describeStep(step)}): not enabled after ${index} step${index === 1 ? "" : "s"}; enabled: ${enabled.length > 0 ? enabled.join("; ") : "none"}`,
        index,
      );
    }
    state = system.step(state, action);
    const observed = observe(system, state);
    trace.steps.push({ index, step, description: system.describeStep?.(step) ?? describeStep(step), action, ...observed });
    if (trace.firstViolation === undefined && observed.failing.length > 0) trace.firstViolation = { index, property: observed.failing[0] };
  }
  return trace;
}

/**
 * Re-runs a Schedule step by step: each step's description, action, resulting state and the
 * properties it fails. A Schedule does not name its initial state: the first initial state
 * from which every step is enabled is used; if none, the divergence from the first one is
 * reported as an InputError naming the step. A lasso (`cycleFrom`) must also close its cycle.
 */
export function replay<S, A>(system: TransitionSystem<S, A>, schedule: Schedule): Trace<S, A> {
  const initials = system.initial();
  let firstError: unknown;
  for (const initial of initials) {
    try {
      const trace = replayFrom(system, initial, schedule.steps);
      if (schedule.cycleFrom !== undefined) {
        checkCycleCloses(system, trace, schedule.cycleFrom);
        markLassoViolations(system, trace, schedule.cycleFrom);
      }
      return trace;
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      firstError ??= error;
    }
  }
  throw firstError ?? new InputError("replay: the system has no initial state");
}
