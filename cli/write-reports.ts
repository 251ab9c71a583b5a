import { join } from "node:path";
import { writeFileAtomic, removeFile } from "./atomic-write.ts";
import { withReportsLock } from "./reports-lock.ts";
import { INDEX_FILE, readReportsIndex, withReport } from "./reports-index.ts";
import { fileStem, htmlReport, junitReport, markdownReport, type ModelReport } from "../reporting/index.ts";
import { models } from "../models/index.ts";

/**
 * Records one model's report in a reports folder, under the folder's lock: reports/<model>.json
 * (the Result), <model>.md, <model>.schedule.json (the counterexample, ready for `replay`; a
 * stale one is removed when the new Result has none), and the folder's index.json, index.html
 * and junit.xml with this model's row replaced. Every file is replaced atomically.
 */
export async function recordModelReport(folder: string, report: ModelReport, warn: (line: string) => void): Promise<void> {
  const dated: ModelReport = { ...report, ranAt: report.ranAt ?? new Date().toISOString() };
  await withReportsLock(folder, () => {
    const stem = join(folder, fileStem(dated.result.model));
    writeFileAtomic(`${stem}.json`, `${JSON.stringify(dated.result, null, 2)}\n`);
    writeFileAtomic(`${stem}.md`, markdownReport(dated));
    if (dated.result.counterexample) writeFileAtomic(`${stem}.schedule.json`, `${JSON.stringify(dated.result.counterexample, null, 2)}\n`);
    else removeFile(`${stem}.schedule.json`);
    const index = withReport(readReportsIndex(folder, warn), dated, models.map((model) => model.name));
    writeFileAtomic(join(folder, INDEX_FILE), `${JSON.stringify(index)}\n`);
    writeFileAtomic(join(folder, "index.html"), htmlReport(index.reports, new Date().toISOString()));
    writeFileAtomic(
      join(folder, "junit.xml"),
      junitReport(index.reports.map((row) => ({ result: row.result, judgement: row.judgement ?? { outcome: "as-expected", reasons: [] }, ranAt: row.ranAt }))),
    );
  });
}

/** A file of the whole folder (reports/seed-audit.md), written under the same lock. */
export async function recordFolderFile(folder: string, name: string, content: string): Promise<void> {
  await withReportsLock(folder, () => writeFileAtomic(join(folder, name), content));
}
