import type { Result } from "../explorer/result.ts";
import { stopOnSignals } from "./interrupt.ts";
import { runSetupOf, type RunFlags } from "./run-flags.ts";
import { runModel, type RunLimits } from "./run-model.ts";
import { recordModelReport } from "./write-reports.ts";
import { markdownReport, summaryTable } from "../reporting/index.ts";
import { findModel, type ModelDefinition } from "../models/index.ts";

/**
 * One model under the given limits, as `explore` and `simulate` run it: output paths are
 * checked first, a signal ends the run with its partial figures, the reports are recorded when
 * asked, and the Result is printed as JSON or as the summary row and the Markdown report.
 * Returns the Result, whether its verdict is the model's expected one (figures aside), and
 * whether a signal stopped it.
 */
/** `user`: the models --models and the config file loaded, looked up with the bundled ones. */
export async function runOneModel(name: string, limits: RunLimits, flags: RunFlags, user: readonly ModelDefinition[] = []): Promise<{ result: Result; verdictAsExpected: boolean; stopped: boolean }> {
  const model = findModel(name, user);
  const setup = runSetupOf(flags);
  const stop = stopOnSignals();
  let report;
  try {
    report = await runModel(model, limits, setup, stop.signal);
    if (setup.reportsFolder !== undefined) await recordModelReport(setup.reportsFolder, report);
  } finally {
    stop.dispose();
  }
  const { result } = report;
  if (flags.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  else process.stdout.write(`${summaryTable([{ result, judgement: report.judgement! }])}\n\n${markdownReport(report)}`);
  const verdictAsExpected = result.result === model.expected.result && (result.result !== "violation" || result.property === model.expected.property);
  return { result, verdictAsExpected, stopped: stop.stopped };
}
