import { findModel } from "../../models/registry.ts";
import { markdownReport } from "../../reporting/markdown.ts";
import { summaryTable } from "../../reporting/summary-table.ts";
import { EXIT } from "../exit-codes.ts";
import { abortOnInterrupt } from "../interrupt.ts";
import { nonNegativeInteger, oneOf, positiveInteger, positiveSeconds } from "../options.ts";
import { runModel } from "../run-model.ts";
import { writeModelReport } from "../write-reports.ts";
import type { CommandRegistration } from "./index.ts";

interface ExploreCliOptions {
  strategy: "bfs" | "dfs" | "random";
  maxStates?: number;
  maxDepth?: number;
  time?: number;
  fingerprint?: boolean;
  seed: number;
  json?: boolean;
  quiet?: boolean;
  reports?: string;
}

/**
 * `explore <model>`: one model under any strategy and limits. A verdict is judged against the
 * model's expectation (a violation where one is expected exits 0); a run cut short by a limit
 * exits 3 with its partial figures, because completion was asked for.
 */
export const registerExplore: CommandRegistration = (program, setExitCode) => {
  program
    .command("explore")
    .description("explore one model with a chosen strategy and limits")
    .argument("<model>", "model name (see `list`)")
    .option("--strategy <strategy>", "bfs (shortest counterexample), dfs or random", oneOf("--strategy", ["bfs", "dfs", "random"] as const), "bfs")
    .option("--max-states <n>", "stop after this many distinct states", positiveInteger("--max-states"))
    .option("--max-depth <d>", "do not go deeper than this", positiveInteger("--max-depth"))
    .option("--time <seconds>", "stop after this many seconds", positiveSeconds("--time"))
    .option("--fingerprint", "store 64-bit fingerprints instead of whole states")
    .option("--seed <seed>", "seed of every random choice", nonNegativeInteger("--seed"), 0)
    .option("--json", "print the Result as JSON on stdout")
    .option("--quiet", "no progress on stderr")
    .option("--reports <dir>", "also write the model's reports to this directory")
    .action(async (name: string, options: ExploreCliOptions) => {
      const model = findModel(name);
      const interrupt = abortOnInterrupt();
      let report;
      try {
        report = await runModel(
          model,
          { strategy: options.strategy, maxStates: options.maxStates, maxDepth: options.maxDepth, timeSeconds: options.time, fingerprint: options.fingerprint === true, seed: options.seed },
          options.quiet === true,
          interrupt.signal,
        );
      } finally {
        interrupt.dispose();
      }
      if (options.reports) writeModelReport(options.reports, report);
      const { result } = report;
      if (options.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
      else process.stdout.write(`${summaryTable([{ result, judgement: report.judgement! }])}\n\n${markdownReport(report)}`);
      if (result.result === "incomplete") setExitCode(EXIT.incomplete);
      else if (result.result !== model.expected.result || (result.result === "violation" && result.property !== model.expected.property)) setExitCode(EXIT.unexpected);
    });
};
