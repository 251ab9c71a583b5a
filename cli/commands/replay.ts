import { parseInput } from "../../spec/common/input-error.ts";
import { scheduleSchema } from "../../spec/common/schedule.ts";
import { readJsonInput } from "../case-file.ts";
import { traceOf } from "../run-model.ts";
import type { CommandRegistration } from "./index.ts";
import { findModel } from "../../models/index.ts";

/** A schedule file, or a Result (reports/<model>.json) whose counterexample is the schedule. */
function scheduleIn(input: unknown): unknown {
  const counterexample = (input as { counterexample?: unknown } | null)?.counterexample;
  return typeof input === "object" && input !== null && !("steps" in input) && counterexample !== undefined ? counterexample : input;
}

/**
 * `replay <schedule.json>`: re-run a counterexample step by step on the model it names, with
 * the configuration it carries, and print each step and the properties failing after it.
 */
export const registerReplay: CommandRegistration = (program) => {
  program
    .command("replay")
    .description("re-run a schedule (e.g. a counterexample) step by step and print the trace")
    .argument("<schedule>", "schedule JSON file (or a Result file with a counterexample), or - for stdin")
    .option("--json", "print the trace as JSON")
    .action((file: string, options: { json?: boolean }) => {
      const schedule = parseInput(scheduleSchema, scheduleIn(readJsonInput(file)), "schedule");
      const model = findModel(schedule.model);
      parseInput(model.configSchema, schedule.config, "schedule config");
      const trace = traceOf(model, schedule).steps;
      const violated = trace.find((step) => step.violated.length > 0);
      if (options.json) {
        process.stdout.write(`${JSON.stringify({ model: schedule.model, seed: schedule.seed, steps: trace, firstViolation: violated ? trace.indexOf(violated) + 1 : null }, null, 2)}\n`);
        return;
      }
      process.stdout.write(`replaying ${trace.length} steps of ${schedule.model} (seed ${schedule.seed})\n`);
      trace.forEach((step, index) => {
        const state = step.participants ? `  [${Object.entries(step.participants).map(([name, summary]) => `${name}: ${summary}`).join(", ")}]` : "";
        process.stdout.write(`${String(index + 1).padStart(3)}. ${step.description}${state}${step.violated.length ? `  <-- ${step.violated.join(", ")} violated` : ""}\n`);
      });
      process.stdout.write(violated ? `reproduced: ${violated.violated.join(", ")} violated at step ${trace.indexOf(violated) + 1}\n` : "no property violated along this schedule\n");
    });
};
