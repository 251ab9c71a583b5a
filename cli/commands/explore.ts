import { documentExitCodes } from "../command-exit-codes.ts";
import { EXIT, INTERNAL_ERROR_OUTCOME, SECOND_SIGNAL_OUTCOME, badInputOutcome, outputFailedOutcome, type ExitOutcome } from "../exit-codes.ts";
import { runOneModel } from "../single-run.ts";
import { addRunFlags, type RunFlags } from "../run-flags.ts";
import { oneOf, positiveInteger, seedNumber } from "../options.ts";
import { USER_MODELS_BAD_INPUT, addUserModelFlags, definitionsOf, loadUserModels, type UserModelFlags } from "../user-models.ts";
import type { CommandRegistration } from "./index.ts";

interface ExploreCliOptions extends RunFlags, UserModelFlags {
  strategy: "bfs" | "dfs" | "random";
  maxStates?: number;
  maxDepth?: number;
  fingerprint?: boolean;
  seed: number;
}

/**
 * `explore <model>`: one model under any strategy and limits. A verdict is judged against the
 * model's expectation, figures aside (the limits change them); a run cut short exits 3 because
 * completion was asked for. `--strategy random` ends like `simulate`. Exit codes: EXIT_CODES.
 */
const EXIT_CODES: readonly ExitOutcome[] = [
  {
    code: EXIT.ok,
    when: 'the verdict is the model\'s expected one (a violation where one is expected exits 0); with --strategy random, also "no-violation" (every walk ran, nothing found)',
  },
  { code: EXIT.unexpected, when: "the verdict is not the model's expected one; with --strategy random, only a violation the model does not expect" },
  badInputOutcome(`an unknown model, ${USER_MODELS_BAD_INPUT}, a bad flag value, a reports or checkpoint folder that cannot be written, a checkpoint of another run given to --resume`),
  {
    code: EXIT.incomplete,
    when: "a limit (--max-states, --max-depth, --time, --max-memory), an error in the model or a signal (SIGINT, SIGTERM, SIGHUP on a terminal, or npm ending after starting it) cut the run short: the partial figures are printed (and recorded with --reports)",
  },
  outputFailedOutcome("a report (--reports) or a checkpoint"),
  INTERNAL_ERROR_OUTCOME,
  SECOND_SIGNAL_OUTCOME,
];

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
  documentExitCodes(command, EXIT_CODES);
  addUserModelFlags(command);
  addRunFlags(command, { description: "also record the model's reports in this folder (index.json, index.html and junit.xml updated)" }).action(async (name: string, options: ExploreCliOptions) => {
      const limits = { strategy: options.strategy, maxStates: options.maxStates, maxDepth: options.maxDepth, fingerprint: options.fingerprint === true, seed: options.seed };
      const { result, verdictAsExpected, stopped } = await runOneModel(name, limits, options, definitionsOf(await loadUserModels(options)));
      if (result.result === "incomplete" || stopped) setExitCode(EXIT.incomplete);
      else if (result.result !== "no-violation" && !verdictAsExpected) setExitCode(EXIT.unexpected);
  });
};
