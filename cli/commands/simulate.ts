import { EXIT } from "../exit-codes.ts";
import { runOneModel } from "../single-run.ts";
import { addRunFlags, type RunFlags } from "../run-flags.ts";
import { positiveInteger, seedNumber } from "../options.ts";
import type { CommandRegistration } from "./index.ts";

interface SimulateOptions extends RunFlags {
  runs: number;
  seed: number;
  maxSteps: number;
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
  const command = program
    .command("simulate")
    .description("run seeded random schedules through a model (simulation; shrinks any violation found)")
    .argument("<model>", "model name (see `list`)")
    .option("--runs <n>", "how many random schedules", positiveInteger("--runs"), 1000)
    .option("--seed <seed>", "seed of every random choice", seedNumber("--seed"), 0)
    .option("--max-steps <n>", "length bound of one schedule", positiveInteger("--max-steps"), 200);
  addRunFlags(command, { description: "also record the model's reports in this folder (index.json, index.html and junit.xml updated)" }).action(async (name: string, options: SimulateOptions) => {
      const limits = { strategy: "random" as const, walks: options.runs, seed: options.seed, maxDepth: options.maxSteps };
      const { result, verdictAsExpected, stopped } = await runOneModel(name, limits, options);
      if (result.result === "violation" && !verdictAsExpected) setExitCode(EXIT.unexpected);
      if (result.result === "incomplete" || stopped) setExitCode(EXIT.incomplete);
  });
};
