import type { Command } from "commander";
import { InputError } from "../../spec/common/input-error.ts";
import { EXIT } from "../exit-codes.ts";
import { abortOnInterrupt } from "../interrupt.ts";
import { positiveInteger, positiveSeconds } from "../options.ts";
import { runModel } from "../run-model.ts";
import { writeModelReport, writeRunReports } from "../write-reports.ts";
import type { CommandRegistration } from "./index.ts";
import { summaryTable, type ModelReport } from "../../reporting/index.ts";
import { findModel, models, type ModelDefinition } from "../../models/index.ts";

interface CheckOptions {
  all?: boolean;
  json?: boolean;
  quiet?: boolean;
  reports: string;
  time?: number;
  maxStates?: number;
}

/**
 * `check [model…] [--all]`: explore each model exhaustively (BFS, so a counterexample is a
 * shortest one), compare with its pinned expectation, write reports/. Exit 0 when every model
 * is as expected, 1 when one differs, 3 when a limit or Ctrl-C cut a run short.
 */
export const registerCheck: CommandRegistration = (program: Command, setExitCode) => {
  program
    .command("check")
    .description("check models against their pinned expectations and write reports/")
    .argument("[models...]", "model names (see `list`)")
    .option("--all", "check every bundled model")
    .option("--json", "print the Results as JSON on stdout")
    .option("--quiet", "no progress on stderr")
    .option("--reports <dir>", "where to write the reports", "reports")
    .option("--time <seconds>", "time limit per model", positiveSeconds("--time"))
    .option("--max-states <n>", "state limit per model", positiveInteger("--max-states"))
    .action(async (names: string[], options: CheckOptions) => {
      const selected = selectModels(names, options.all === true);
      const interrupt = abortOnInterrupt();
      const reports: ModelReport[] = [];
      try {
        for (const model of selected) {
          if (interrupt.signal.aborted) break;
          const report = await runModel(model, { strategy: "bfs", timeSeconds: options.time, maxStates: options.maxStates, seed: 0 }, options.quiet === true, interrupt.signal);
          writeModelReport(options.reports, report);
          reports.push(report);
        }
      } finally {
        interrupt.dispose();
        if (reports.length > 0) writeRunReports(options.reports, reports);
      }
      // A full run also regenerates the seed audit (loaded on demand: it pulls in the property suites).
      if (options.all === true && !interrupt.signal.aborted) {
        const { writeSeedAudit } = await import("../seed-audit.ts");
        writeSeedAudit(options.reports);
      }
      const rows = reports.map((report) => ({ result: report.result, judgement: report.judgement! }));
      // One named model prints one Result; several (or --all) print an array, in order.
      const json = reports.map((r) => ({ ...r.result, expectation: r.judgement }));
      if (options.json) process.stdout.write(`${JSON.stringify(names.length === 1 ? json[0] : json, null, 2)}\n`);
      else process.stdout.write(`${summaryTable(rows)}\n\nreports written to ${options.reports}/\n`);
      for (const { result, judgement } of rows) {
        if (judgement.outcome === "unexpected") setExitCode(EXIT.unexpected);
        if (judgement.outcome === "incomplete") setExitCode(EXIT.incomplete);
        if (judgement.outcome !== "as-expected" && !options.json) process.stderr.write(`${result.model}: ${judgement.reasons.join("; ")}\n`);
      }
      if (reports.length < selected.length) setExitCode(EXIT.incomplete);
    });
};

function selectModels(names: string[], all: boolean): ModelDefinition[] {
  if (all && names.length > 0) throw new InputError("check: give model names or --all, not both");
  if (all) return [...models];
  if (names.length === 0) throw new InputError("check: name at least one model (see `consensus-check list`) or pass --all");
  return names.map(findModel);
}

