import { join } from "node:path";
import { removeFile, writeFilesAtomic, type FileContent } from "./atomic-write.ts";
import { withReportsLock } from "./reports-lock.ts";
import { warn } from "./warn.ts";
import { INDEX_FILE, readReportsIndex, withReport } from "./reports-index.ts";
import { fileStem, htmlReport, junitReport, markdownReport, type ModelReport } from "../reporting/index.ts";
import { models } from "../models/index.ts";

/**
 * Records one model's report in a reports folder, under the folder's lock: reports/<model>.json
 * (the Result), <model>.md, <model>.schedule.json (the counterexample, ready for `replay`; a
 * stale one is removed when the new Result has none), and the folder's index.json, index.html
 * and junit.xml with this model's row replaced. All are written before any replaces its old
 * file (`writeFilesAtomic`), so a full disk leaves the folder as it was.
 */
export async function recordModelReport(folder: string, report: ModelReport): Promise<void> {
  const dated: ModelReport = { ...report, ranAt: report.ranAt ?? new Date().toISOString() };
  await withReportsLock(folder, () => {
    const stem = join(folder, fileStem(dated.result.model));
    const index = withReport(readReportsIndex(folder, warn), dated, models.map((model) => model.name));
    const files: FileContent[] = [
      { path: `${stem}.json`, data: `${JSON.stringify(dated.result, null, 2)}\n` },
      { path: `${stem}.md`, data: markdownReport(dated) },
    ];
    if (dated.result.counterexample) files.push({ path: `${stem}.schedule.json`, data: `${JSON.stringify(dated.result.counterexample, null, 2)}\n` });
    files.push(
      { path: join(folder, INDEX_FILE), data: `${JSON.stringify(index)}\n` },
      { path: join(folder, "index.html"), data: htmlReport(index.reports, new Date().toISOString()) },
      {
        path: join(folder, "junit.xml"),
        data: junitReport(index.reports.map((row) => ({ result: row.result, judgement: row.judgement ?? { outcome: "as-expected", reasons: [] }, covers: row.covers, ranAt: row.ranAt }))),
      },
    );
    writeFilesAtomic(files);
    if (!dated.result.counterexample) removeFile(`${stem}.schedule.json`);
  });
}

/**
 * Files of the whole folder (reports/seed-audit.md, reports/fifty-one-percent.*), written under
 * the same lock and all before any replaces its old file, so that they never disagree.
 */
export async function recordFolderFiles(folder: string, files: readonly { name: string; content: string }[]): Promise<void> {
  await withReportsLock(folder, () => writeFilesAtomic(files.map(({ name, content }) => ({ path: join(folder, name), data: content }))));
}
