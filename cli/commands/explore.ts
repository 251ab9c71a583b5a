import { EXIT } from "../exit-codes.ts";
import { runOneModel } from "../single-run.ts";
import { addRunFlags, type RunFlags } from "../run-flags.ts";
import { oneOf, positiveInteger, seedNumber } from "../options.ts";
import type { CommandRegistration } from "./index.ts";

interface ExploreCliOptions extends RunFlags {
  strategy: "bfs" | "dfs" | "random";
  maxStates?: number;
  maxDepth?: number;
  fingerprint?: boolean;
  seed: number;
}

/**
 * `explore <model>`: one model under any strategy and limits. A verdict is judged against the
 * model's expectation (a violation where one is expected exits 0); a run cut short by a limit
 * exits 3 with its partial figures, because completion was asked for. `--strategy random`
 * ends like `simulate`: "no-violation" (every walk ran, nothing found) exits 0, only a
 * violation the model does not expect exits 1.
 */
export const registerExplore: CommandRegistration = (program, setExitCode) => {
  const command = program
    .command("explore")
    .description("explore one model with a chosen strategy and limits")
    .argument("<model>", "model name (see `list`)")
    .option("--strategy <strategy>", "bfs (shortest counterexample), dfs or random", oneOf("--strategy", ["bfs", "dfs", "random"] as const), "bfs")
    .option("--max-states <n>", "stop after this many distinct states", positiveInteger("--max-states"))
    .option("--max-depth <d>", "do not go deeper than this", positiveInteger("--max-depth"))
    .option("--fingerprint", "store 64-bit fingerprints instead of whole states")
    .option("--seed <seed>", "seed of every random choice", seedNumber("--seed"), 0);
  addRunFlags(command, { description: "also record the model's reports in this folder (index.json, index.html and junit.xml updated)" }).action(async (name: string, options: ExploreCliOptions) => {
      const limits = { strategy: options.strategy, maxStates: options.maxStates, maxDepth: options.maxDepth, fingerprint: options.fingerprint === true, seed: options.seed };
      const { result, verdictAsExpected, stopped } = await runOneModel(name, limits, options);
      if (result.result === "incomplete" || stopped) setExitCode(EXIT.incomplete);
      else if (result.result !== "no-violation" && !verdictAsExpected) setExitCode(EXIT.unexpected);
  });
};
