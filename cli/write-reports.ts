import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileStem, htmlReport, junitReport, markdownReport, type ModelReport } from "../reporting/index.ts";

/**
 * reports/<model>.json (the Result), <model>.md, <model>.schedule.json (the counterexample,
 * ready for `replay`), and for the whole run index.html and junit.xml.
 */
export function writeModelReport(directory: string, report: ModelReport): void {
  mkdirSync(directory, { recursive: true });
  const stem = fileStem(report.result.model);
  writeFileSync(join(directory, `${stem}.json`), `${JSON.stringify(report.result, null, 2)}\n`);
  writeFileSync(join(directory, `${stem}.md`), markdownReport(report));
  if (report.result.counterexample) {
    writeFileSync(join(directory, `${stem}.schedule.json`), `${JSON.stringify(report.result.counterexample, null, 2)}\n`);
  }
}

export function writeRunReports(directory: string, reports: readonly ModelReport[]): void {
  mkdirSync(directory, { recursive: true });
  writeFileSync(join(directory, "index.html"), htmlReport(reports, new Date().toISOString()));
  writeFileSync(
    join(directory, "junit.xml"),
    junitReport(reports.map((report) => ({ result: report.result, judgement: report.judgement ?? { outcome: "as-expected", reasons: [] } }))),
  );
}
