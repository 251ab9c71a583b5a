import { documentExitCodes } from "../command-exit-codes.ts";
import { EXIT, INTERNAL_ERROR_OUTCOME, SECOND_SIGNAL_OUTCOME, badInputOutcome, outputFailedOutcome, type ExitOutcome } from "../exit-codes.ts";
import { runOneModel } from "../single-run.ts";
import { addRunFlags, type RunFlags } from "../run-flags.ts";
import { positiveInteger, seedNumber } from "../options.ts";
import { USER_MODELS_BAD_INPUT, addUserModelFlags, definitionsOf, loadUserModels, type UserModelFlags } from "../user-models.ts";
import type { CommandRegistration } from "./index.ts";

interface SimulateOptions extends RunFlags, UserModelFlags {
  runs: number;
  seed: number;
  maxSteps: number;
}

/**
 * `simulate <model> --runs N --seed S`: N seeded random schedules through the model (for the
 * PBFT models, the reference implementation's cluster itself), TLC's simulation mode. It
 * proves nothing when it finds nothing, so "no-violation" is its normal end (EXIT_CODES). A
 * violation it finds is shrunk and written like any other counterexample.
 */
const EXIT_CODES: readonly ExitOutcome[] = [
  { code: EXIT.ok, when: '"no-violation" (every schedule ran, nothing violated: evidence, not a proof), or the violation the model expects' },
  { code: EXIT.unexpected, when: "it found a violation the model does not expect" },
  badInputOutcome(`an unknown model, ${USER_MODELS_BAD_INPUT}, a bad flag value, a reports or checkpoint folder that cannot be written, a checkpoint of another run given to --resume`),
  {
    code: EXIT.incomplete,
    when: "a time or memory limit, an error in the model or a signal (SIGINT, SIGTERM, SIGHUP on a terminal, or npm ending after starting it) cut it short: the partial figures are printed (and recorded with --reports)",
  },
  outputFailedOutcome("a report (--reports) or a checkpoint"),
  INTERNAL_ERROR_OUTCOME,
  SECOND_SIGNAL_OUTCOME,
];

export const registerSimulate: CommandRegistration = (program, setExitCode) => {
  const command = program
    .command("simulate")
    .description("run seeded random schedules through a model (simulation; shrinks any violation found)")
    .argument("<model>", "model name (see `list`)")
    .option("--runs <n>", "how many random schedules", positiveInteger("--runs"), 1000)
    .option("--seed <seed>", "seed of every random choice", seedNumber("--seed"), 0)
    .option("--max-steps <n>", "length bound of one schedule", positiveInteger("--max-steps"), 200);
  documentExitCodes(command, EXIT_CODES);
  addUserModelFlags(command);
  addRunFlags(command, { description: "also record the model's reports in this folder (index.json, index.html and junit.xml updated)" }).action(async (name: string, options: SimulateOptions) => {
      const limits = { strategy: "random" as const, walks: options.runs, seed: options.seed, maxDepth: options.maxSteps };
      const { result, verdictAsExpected, stopped } = await runOneModel(name, limits, options, definitionsOf(await loadUserModels(options)));
      if (result.result === "violation" && !verdictAsExpected) setExitCode(EXIT.unexpected);
      if (result.result === "incomplete" || stopped) setExitCode(EXIT.incomplete);
  });
};
