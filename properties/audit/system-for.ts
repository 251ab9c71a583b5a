import { explore, type Result } from "../../explorer/index.ts";
import type { TransitionSystem } from "../../explorer/transition-system.ts";
import type { ModelDefinition } from "../../models/model.ts";

/**
 * A seed audit's view of a model: its system checking only `property`, so that its BFS
 * counterexample is that property's shortest one (and not the first property's that fails).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function systemFor(model: ModelDefinition<any>, property: string): TransitionSystem<unknown, unknown> {
  const system = model.build(model.config) as TransitionSystem<unknown, unknown>;
  const invariant = system.invariants.find((candidate) => candidate.name === property);
  if (invariant === undefined) throw new Error(`${model.name} has no property named ${property}`);
  return { ...system, invariants: [invariant] };
}

/**
 * One exhaustive BFS of a seed variant's model that counts the violating states of every
 * property (a run `check` already made of it and that passed is such a run, with no violation,
 * and is reused), with its system and the options a property's own run takes.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function wholeRun(model: ModelDefinition<any>, checked: readonly Result[], audit: string) {
  const system = model.build(model.config) as TransitionSystem<unknown, unknown>;
  const options = { model: model.name, config: model.config as Record<string, unknown>, strategy: "bfs" as const, seed: 0 };
  const passed = checked.find((result) => result.model === model.name && result.strategy === "bfs" && result.result === "pass" && result.limitHit === undefined);
  const whole = passed ?? (await explore(system, { ...options, stopAtFirstViolation: false }));
  if (whole.limitHit !== undefined || whole.error !== undefined) throw new Error(`the ${audit} audit of ${model.name} did not finish: ${whole.error ?? whole.limitHit}`);
  return { system, options, whole };
}
