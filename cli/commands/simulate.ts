import { EXIT } from "../exit-codes.ts";
import { runOneModel, type SingleRunOutput } from "../single-run.ts";
import { nonNegativeInteger, positiveInteger, positiveSeconds } from "../options.ts";
import type { CommandRegistration } from "./index.ts";

interface SimulateOptions extends SingleRunOutput {
  runs: number;
  seed: number;
  maxSteps: number;
  time?: number;
}

/**
 * `simulate <model> --runs N --seed S`: N seeded random schedules through the model (for the
 * PBFT models, the reference implementation's cluster itself), TLC's simulation mode. It
 * proves nothing when it finds nothing, so "no-violation" is its normal end: exit 0 unless it
 * finds a violation the model does not expect (1) or a time limit, Ctrl-C or an error in the
 * model cuts it short (3). A violation it finds is shrunk and written like any other
 * counterexample.
 */
export const registerSimulate: CommandRegistration = (program, setExitCode) => {
  program
    .command("simulate")
    .description("run seeded random schedules through a model (simulation; shrinks any violation found)")
    .argument("<model>", "model name (see `list`)")
    .option("--runs <n>", "how many random schedules", positiveInteger("--runs"), 1000)
    .option("--seed <seed>", "seed of every random choice", nonNegativeInteger("--seed"), 0)
    .option("--max-steps <n>", "length bound of one schedule", positiveInteger("--max-steps"), 200)
    .option("--time <seconds>", "stop after this many seconds", positiveSeconds("--time"))
    .option("--json", "print the Result as JSON on stdout")
    .option("--quiet", "no progress on stderr")
    .option("--reports <dir>", "also write the model's reports to this directory")
    .action(async (name: string, options: SimulateOptions) => {
      const limits = { strategy: "random" as const, walks: options.runs, seed: options.seed, maxDepth: options.maxSteps, timeSeconds: options.time };
      const { result, verdictAsExpected } = await runOneModel(name, limits, options);
      if (result.result === "violation" && !verdictAsExpected) setExitCode(EXIT.unexpected);
      if (result.result === "incomplete") setExitCode(EXIT.incomplete);
    });
};
