import { expect } from "vitest";
import { replay } from "../../explorer/replay.ts";
import type { Result } from "../../explorer/result.ts";
import { resultSchema } from "../../explorer/result.ts";
import type { TransitionSystem } from "../../explorer/transition-system.ts";

/** The Result is well-formed and reports `property` violated by a counterexample of `steps` steps. */
export function expectViolation<S, A>(system: TransitionSystem<S, A>, result: Result, property: string, steps: number): void {
  expect(resultSchema.parse(result)).toEqual(result);
  expect(result.result).toBe("violation");
  expect(result.property).toBe(property);
  expect(result.counterexample?.steps).toHaveLength(steps);
  expectReplayFailsOnlyAtEnd(system, result, property);
}

/** Replaying the counterexample breaks `property` at its last state and in no state before. */
export function expectReplayFailsOnlyAtEnd<S, A>(system: TransitionSystem<S, A>, result: Result, property: string): void {
  const trace = replay(system, result.counterexample!);
  const steps = result.counterexample!.steps.length;
  expect(trace.firstViolation).toEqual({ index: steps - 1, property });
}

/** An incomplete run that hit `limit`, with figures of the partial search. */
export function expectIncomplete(result: Result, limit: Result["limitHit"]): void {
  expect(resultSchema.parse(result)).toEqual(result);
  expect(result.result).toBe("incomplete");
  expect(result.limitHit).toBe(limit);
  expect(result.counterexample).toBeUndefined();
}
