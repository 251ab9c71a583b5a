import { ReplayDivergence } from "../../explorer/index.ts";
import { resultSchema } from "../../explorer/result.ts";
import { InputError, parseInput } from "../../spec/common/input-error.ts";
import { scheduleSchema, type Schedule } from "../../spec/common/schedule.ts";
import { readJsonInput } from "../case-file.ts";
import { documentExitCodes } from "../command-exit-codes.ts";
import { EXIT, INTERNAL_ERROR_OUTCOME, badInputOutcome, type ExitOutcome } from "../exit-codes.ts";
import { oneOf } from "../options.ts";
import { traceOf } from "../run-model.ts";
import { configClaims, describeDifference } from "../schedule-claims.ts";
import { warn } from "../warn.ts";
import { USER_MODELS_BAD_INPUT, addUserModelFlags, definitionsOf, loadUserModels, type UserModelFlags } from "../user-models.ts";
import type { CommandRegistration } from "./index.ts";
import { findModel } from "../../models/index.ts";

interface ReplayInput {
  schedule: Schedule;
  /** The property the Result that carried the schedule says is violated. */
  property?: string;
}

/**
 * A schedule file, or a Result (reports/<model>.json) whose counterexample is the schedule: a
 * Result is recognised by its `result` field and read with the Result schema.
 */
function replayInput(input: unknown): ReplayInput {
  const isResult = typeof input === "object" && input !== null && !Array.isArray(input) && "result" in input && !("steps" in input);
  if (!isResult) return { schedule: parseInput(scheduleSchema, input, "schedule") };
  const result = parseInput(resultSchema, input, "result");
  if (result.counterexample === undefined) {
    throw new InputError(`this Result of ${result.model} (verdict ${result.result}) has no counterexample to replay; give a schedule file or a Result with a counterexample`);
  }
  return { schedule: result.counterexample, property: result.property };
}

/**
 * `replay <schedule.json | result.json>`: re-run a counterexample step by step on the model it
 * names, with the configuration it carries, and print each step and the properties failing
 * after it. Its exit codes (EXIT_CODES) are what a CI job replaying its regression schedules
 * gates on. A config that differs from the model's registered one is reported field by field
 * (warnings on stderr, `configDifferences` in --json), and the model's warnings follow the
 * replayed config.
 */
const EXIT_CODES: readonly ExitOutcome[] = [
  {
    code: EXIT.ok,
    when: "it reproduces: a property is violated along the schedule (for a Result, its property); with --expect pass, no property is violated",
  },
  {
    code: EXIT.unexpected,
    when: "it no longer reproduces: nothing (or another property) is violated, or a step is no longer enabled (the model or the code changed); with --expect pass, something is violated",
  },
  badInputOutcome(`an unreadable file, an unknown model, ${USER_MODELS_BAD_INPUT}, a config the model rejects, a Result without a counterexample`),
  INTERNAL_ERROR_OUTCOME,
];

export const registerReplay: CommandRegistration = (program, setExitCode) => {
  const command = program
    .command("replay")
    .description("re-run a schedule (e.g. a counterexample) step by step and print the trace; exit 0 when it reproduces, 1 when not")
    .argument("<schedule>", "schedule JSON file (or a Result file with a counterexample), or - for stdin")
    .option("--expect <outcome>", "violation (default: a property must fail along the schedule) or pass (none may)", oneOf("--expect", ["violation", "pass"] as const), "violation")
    .option("--json", "print the trace as JSON");
  addUserModelFlags(command).action(async (file: string, options: { json?: boolean; expect: "violation" | "pass" } & UserModelFlags) => {
      // The user's modules first: a bad one is reported before the schedule (or stdin) is read.
      const user = definitionsOf(await loadUserModels(options));
      const { schedule, property } = replayInput(readJsonInput(file));
      const model = findModel(schedule.model, user);
      const claims = configClaims(model, schedule.config, "schedule config");
      const warnings = [...claims.differences.map((difference) => describeDifference(model.name, difference)), ...claims.warnings];
      let steps;
      let divergence: ReplayDivergence | undefined;
      try {
        steps = traceOf(model, schedule).steps;
      } catch (error) {
        if (!(error instanceof ReplayDivergence)) throw error;
        divergence = error;
      }
      const firstFailing = steps?.findIndex((step) => step.violated.length > 0) ?? -1;
      const target = property === undefined ? firstFailing : (steps?.findIndex((step) => step.violated.includes(property)) ?? -1);
      const reproduced = divergence === undefined && (options.expect === "pass" ? firstFailing < 0 : target >= 0);
      if (!reproduced) setExitCode(EXIT.unexpected);

      if (options.json) {
        const report = {
          model: schedule.model,
          seed: schedule.seed,
          expect: options.expect,
          property: property ?? null,
          reproduced,
          firstViolation: firstFailing >= 0 ? firstFailing + 1 : null,
          configMatchesModel: claims.differences.length === 0,
          configDifferences: claims.differences,
          warnings,
          divergence: divergence ? { step: divergence.stepIndex + 1, message: divergence.message } : null,
          cycleFrom: schedule.cycleFrom ?? null,
          steps: steps ?? [],
        };
        process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
        return;
      }
      for (const warning of warnings) warn(warning);
      if (divergence) {
        process.stdout.write(`not reproduced: ${divergence.message}\n`);
        return;
      }
      const trace = steps!;
      process.stdout.write(`replaying ${trace.length} steps of ${schedule.model}${claims.differences.length ? " (modified config, see the warnings)" : ""} (seed ${schedule.seed})\n`);
      trace.forEach((step, index) => {
        const state = step.participants ? `  [${Object.entries(step.participants).map(([name, summary]) => `${name}: ${summary}`).join(", ")}]` : "";
        process.stdout.write(`${String(index + 1).padStart(3)}. ${step.description}${state}${step.violated.length ? `  <-- ${step.violated.join(", ")} violated` : ""}\n`);
      });
      if (schedule.cycleFrom !== undefined) process.stdout.write(`${cycleLine(schedule.cycleFrom, trace.length)}\n`);
      process.stdout.write(`${verdict(options.expect, property, trace.length, firstFailing, target, trace[firstFailing]?.violated ?? [])}\n`);
    });
  documentExitCodes(command, EXIT_CODES);
};

/** A lasso's shape after its steps: the cycle it closes, or the deadlock it ends in. */
function cycleLine(cycleFrom: number, length: number): string {
  return cycleFrom === length ? "deadlock: no action is enabled after the last step" : `cycle: steps ${cycleFrom + 1}–${length} lead back to the state before step ${cycleFrom + 1} and repeat for ever`;
}

function verdict(expect: "violation" | "pass", property: string | undefined, length: number, firstFailing: number, target: number, failing: string[]): string {
  if (expect === "pass") {
    return firstFailing < 0 ? `as expected: no property violated along these ${length} steps` : `not as expected: ${failing.join(", ")} violated at step ${firstFailing + 1}`;
  }
  if (target >= 0) return `reproduced: ${property ?? failing.join(", ")} violated at step ${target + 1}`;
  if (firstFailing < 0) return `not reproduced: no property violated along these ${length} steps`;
  return `not reproduced: ${property} is not violated along these ${length} steps (${failing.join(", ")} is, at step ${firstFailing + 1})`;
}
