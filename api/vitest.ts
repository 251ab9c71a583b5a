import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { fc } from "@fast-check/vitest";
import { expect } from "vitest";
import { writeFileAtomic } from "../cli/atomic-write.ts";
import type { Result } from "../explorer/result.ts";
import { isModelDefinition, type ModelDefinition } from "../models/model.ts";
import { traceOf } from "../models/replayed-trace.ts";
import { fileStem, verdictLine } from "../reporting/markdown.ts";
import { counterexampleShape } from "../reporting/liveness.ts";
import { stepTable } from "../reporting/step-table.ts";
import { SCHEDULE_VERSION, describeStep, type Schedule, type ScheduleStep } from "../spec/common/schedule.ts";
import { check, type RunLimits, type RunOutcome } from "./run.ts";

/**
 * consensus-check for vitest (the package export `consensus-check/vitest`): importing it adds
 * `toPassModelCheck` and `toFindViolation` to `expect`, and `modelSchedules`/`runSchedule` run
 * random schedules of a model under @fast-check/vitest, shrunk on failure. vitest and
 * @fast-check/vitest are the consumer's own (peer dependencies): the matcher must extend the
 * `expect` their tests use, and the arbitraries must be of the fast-check their `test.prop` runs.
 */

/** What the matchers take besides the model: the run's limits and where a counterexample's replay file goes. */
export interface ModelCheckOptions extends Omit<RunLimits, "onProgress"> {
  /** Folder for `<model>.vitest.schedule.json` (created if missing); default `reports/` of the working directory. */
  replayFolder?: string;
}

interface MatcherResult {
  pass: boolean;
  message: () => string;
  actual?: unknown;
  expected?: unknown;
}

/**
 * `await expect(model).toPassModelCheck()`: `check(model)` (api/run.ts) is as the model pins it,
 * its verdict and, for the pinned search, its figures. A model pinned to a violation passes when
 * checking finds that violation: the matcher asks "is the model still what it says it is".
 */
export async function toPassModelCheck(model: unknown, options: ModelCheckOptions = {}): Promise<MatcherResult> {
  const definition = modelOf(model, "toPassModelCheck");
  const outcome = await check(definition, limitsOf(options));
  const { result, judgement } = outcome;
  if (outcome.asExpected) {
    return { pass: true, message: () => `expected ${definition.name} not to be as its pins say, but it is: ${verdictLine(result)}` };
  }
  const header = `${definition.name}: not as pinned (${judgement.outcome}): ${judgement.reasons.join("; ")}`;
  // Written now, not when the message is read: the file is the failure's evidence either way.
  const counterexample = result.counterexample === undefined ? [] : counterexampleLines(definition, result, options);
  return { pass: false, message: () => [header, ...counterexample].join("\n"), actual: result.result, expected: definition.expected.result };
}

/**
 * `await expect(mutant).toFindViolation("agreement")`: checking finds a violation (of that
 * property, when one is named), whatever the model pins: the assertion a test of a deliberately
 * broken variant makes. With `.not`, a violation found fails with its counterexample.
 */
export async function toFindViolation(model: unknown, property?: string, options: ModelCheckOptions = {}): Promise<MatcherResult> {
  const definition = modelOf(model, "toFindViolation");
  const { result } = await check(definition, limitsOf(options));
  const wanted = property === undefined ? "a violation" : `a violation of ${property}`;
  const found = result.result === "violation" && (property === undefined || result.property === property);
  if (found) {
    const counterexample = counterexampleLines(definition, result, options);
    return { pass: true, message: () => [`expected ${definition.name} not to have ${wanted}, but checking found one: ${verdictLine(result)}`, ...counterexample].join("\n") };
  }
  const counterexample = result.counterexample === undefined ? [] : counterexampleLines(definition, result, options);
  return { pass: false, message: () => [`expected ${definition.name} to have ${wanted}, but checking found: ${verdictLine(result)}`, ...counterexample].join("\n"), actual: result.property ?? result.result, expected: property ?? "violation" };
}

expect.extend({ toPassModelCheck, toFindViolation });

interface ModelCheckMatchers<R = unknown> {
  /** `check(model)` is as the model pins it (verdict, and figures for the pinned search); on failure, the counterexample and its replay file. */
  toPassModelCheck(options?: ModelCheckOptions): Promise<R>;
  /** `check(model)` finds a violation, of `property` when given. */
  toFindViolation(property?: string, options?: ModelCheckOptions): Promise<R>;
}

declare module "vitest" {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type, @typescript-eslint/no-explicit-any
  interface Matchers<T = any> extends ModelCheckMatchers<T> {}
}

function modelOf(model: unknown, matcher: string): ModelDefinition<unknown> {
  if (!isModelDefinition(model)) throw new TypeError(`${matcher}: expected a model (defineModel's result), got ${model === null ? "null" : typeof model}`);
  return model as ModelDefinition<unknown>;
}

function limitsOf({ replayFolder: _folder, ...limits }: ModelCheckOptions): RunLimits {
  return limits;
}

/**
 * The counterexample as the reports show it (its step table, a lasso's cycle) and the path of
 * its replay file, which `consensus-check replay` and the API's `replay` take. The file has a
 * name of its own so that it never disagrees with the `check` reports in the same folder.
 */
function counterexampleLines(model: ModelDefinition<unknown>, result: Result, options: ModelCheckOptions): string[] {
  const schedule = result.counterexample!;
  const folder = resolve(options.replayFolder ?? "reports");
  mkdirSync(folder, { recursive: true });
  const file = join(folder, `${fileStem(model.name)}.vitest.schedule.json`);
  writeFileAtomic(file, `${JSON.stringify(schedule, null, 2)}\n`);
  // The reports' trace of it (models/replayed-trace.ts), as their step table.
  const trace = traceOf(model, schedule);
  const lines = [`counterexample (${counterexampleShape(trace.steps.length, schedule.cycleFrom)}):`, stepTable(trace.steps, trace.initialParticipants)];
  for (const entry of trace.evidence ?? []) lines.push(`evidence (${entry.property}):`, ...entry.lines.map((line) => `  ${line}`));
  // A model of the user's is found by `replay` through --models or a consensus-check.config file.
  lines.push(`replay file: ${file} (consensus-check replay ${file} --models <the file exporting ${model.name}>)`);
  return lines;
}

/** One random schedule run through a model: what `modelSchedules` generates and `runSchedule` returns. */
export interface ScheduleRun {
  /** The choices it was made from: each picks one enabled action, modulo how many are enabled. */
  choices: readonly number[];
  /** The steps taken, as a Schedule that `replay` (API and CLI) re-runs. */
  schedule: Schedule;
  /** The first invariant (or the model's termination property, in a state with no enabled action) that failed, and after how many steps. */
  violation?: { property: string; afterStep: number };
  /** Each step in words, as the reports write it. */
  steps: string[];
}

/**
 * Runs choices through a model's transition system from its (first) initial state, checking its
 * invariants after every step and stopping at the first that fails, or where no action is
 * enabled (then the model's `terminal` property, if any, is checked). Deterministic: the same
 * choices give the same run, which is what lets fast-check shrink them.
 */
export function runSchedule<Config>(model: ModelDefinition<Config>, choices: readonly number[]): ScheduleRun {
  const system = model.build(model.config);
  let state = system.initial()[0];
  const steps: ScheduleStep[] = [];
  let violation: ScheduleRun["violation"];
  const failing = (): string | undefined => system.invariants.find((invariant) => !invariant.holds(state))?.name;
  const initialFailure = failing();
  if (initialFailure !== undefined) violation = { property: initialFailure, afterStep: 0 };
  for (const choice of choices) {
    if (violation !== undefined) break;
    const enabled = system.actions(state);
    if (enabled.length === 0) {
      if (system.terminal !== undefined && !system.terminal.holds(state)) violation = { property: system.terminal.name, afterStep: steps.length };
      break;
    }
    const action = enabled[choice % enabled.length];
    steps.push(system.toStep(action));
    state = system.step(state, action);
    const property = failing();
    if (property !== undefined) violation = { property, afterStep: steps.length };
  }
  const schedule: Schedule = { version: SCHEDULE_VERSION, model: model.name, config: model.config as Record<string, unknown>, seed: 0, steps };
  const run: ScheduleRun = { choices, schedule, steps: steps.map(describeStep), ...(violation === undefined ? {} : { violation }) };
  // fast-check prints a failing value with this: the steps in words, not a wall of JSON.
  Object.defineProperty(run, fc.toStringMethod, { value: () => describeRun(run), enumerable: false });
  return run;
}

function describeRun(run: ScheduleRun): string {
  const violated = run.violation === undefined ? "no violation" : `${run.violation.property} violated after step ${run.violation.afterStep}`;
  return `${run.schedule.model}: ${run.steps.length} steps, ${violated}\n${run.steps.map((step, index) => `  ${index + 1}. ${step}`).join("\n")}\nschedule: ${JSON.stringify(run.schedule)}`;
}

export interface ScheduleOptions {
  /** The longest schedule generated (default 50). */
  maxSteps?: number;
  minSteps?: number;
}

/**
 * Random schedules of a model as a fast-check Arbitrary, for `test.prop([modelSchedules(model)])`:
 * each value is a `runSchedule` of a list of choices, so fast-check shrinks a failing one by
 * shortening the list and moving choices towards 0 (the first enabled action) — a short
 * schedule that replays. Choices are drawn without fast-check's bias to small numbers, which
 * would pick the first enabled action nearly always and the rare one (a fault) almost never.
 */
export function modelSchedules<Config>(model: ModelDefinition<Config>, options: ScheduleOptions = {}): fc.Arbitrary<ScheduleRun> {
  const { maxSteps = 50, minSteps = 0 } = options;
  return fc.noBias(fc.array(fc.nat({ max: 1000 }), { minLength: minSteps, maxLength: maxSteps })).map((choices) => runSchedule(model, choices));
}

export type { RunOutcome };
