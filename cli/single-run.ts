import type { Result } from "../explorer/result.ts";
import { abortOnInterrupt } from "./interrupt.ts";
import { runModel, type RunLimits } from "./run-model.ts";
import { writeModelReport } from "./write-reports.ts";
import { markdownReport, summaryTable } from "../reporting/index.ts";
import { findModel } from "../models/index.ts";

export interface SingleRunOutput {
  json?: boolean;
  quiet?: boolean;
  reports?: string;
}

/**
 * One model under the given limits, as `explore` and `simulate` run it: Ctrl-C ends it with
 * its partial figures, the reports are written when asked, and the Result is printed as JSON
 * or as the summary row and the Markdown report. Returns the Result and whether its verdict is
 * the model's expected one (figures aside).
 */
export async function runOneModel(name: string, limits: RunLimits, output: SingleRunOutput): Promise<{ result: Result; verdictAsExpected: boolean }> {
  const model = findModel(name);
  const interrupt = abortOnInterrupt();
  let report;
  try {
    report = await runModel(model, limits, output.quiet === true, interrupt.signal);
  } finally {
    interrupt.dispose();
  }
  if (output.reports) writeModelReport(output.reports, report);
  const { result } = report;
  if (output.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  else process.stdout.write(`${summaryTable([{ result, judgement: report.judgement! }])}\n\n${markdownReport(report)}`);
  const verdictAsExpected = result.result === model.expected.result && (result.result !== "violation" || result.property === model.expected.property);
  return { result, verdictAsExpected };
}
