import { readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { resultSchema } from "../explorer/result.ts";
import { coverageSchema } from "../spec/common/coverage.ts";
import { scheduleStep } from "../spec/common/schedule.ts";
import type { ModelReport } from "../reporting/index.ts";

/**
 * reports/index.json: the last report of every model run into this folder, one entry per
 * model, each with the date of its run. index.html and junit.xml are rendered from it, so a
 * run of one model updates its row and leaves the others' rows (and their files) as they were:
 * the folder never holds a summary that disagrees with its per-model files.
 */
// Version 2: each report carries `covers`. An index of version 1 is replaced, as any index not of
// this version is: its rows would render passes that do not say what they cover.
export const INDEX_VERSION = 2;

// Fields are `.describe()`d rather than commented: docs/cli.md renders them.
const traceStepSchema = z.object({
  step: scheduleStep.describe("The Schedule step."),
  description: z.string().describe("The step in words, e.g. \"deliver PREPARE v0 n1 d:3fa2c1 R2->R3\"."),
  participants: z.record(z.string(), z.string()).optional().describe("Each participant's state after the step, summarised in one line."),
  violated: z.array(z.string()).describe("The properties violated after the step."),
});

export const modelReportSchema = z.object({
  result: resultSchema.describe("The model's last Result."),
  description: z.string().describe("What the model is (as `list` prints it)."),
  assumptions: z.string().describe("The timing, fault and authentication model the check ran under."),
  covers: coverageSchema.describe("What the check covers, derived from the model's config: each aspect a list of lines."),
  judgement: z
    .object({
      outcome: z.enum(["as-expected", "unexpected", "incomplete"]).describe("How the Result compares with the model's pinned expectation."),
      reasons: z.array(z.string()).describe("Why it is not as expected."),
    })
    .optional(),
  warnings: z.array(z.string()).describe("Warnings about the configuration itself (e.g. n < 3f+1 on purpose)."),
  trace: z.array(traceStepSchema).optional().describe("The counterexample replayed step by step."),
  initialParticipants: z.record(z.string(), z.string()).optional().describe("Each participant's state before the first step."),
  ranAt: z.string().optional().describe("When the run ended (ISO 8601)."),
});

export const reportsIndexSchema = z.object({
  version: z.literal(INDEX_VERSION),
  reports: z.array(modelReportSchema).describe("One entry per model run into this folder, in the registry's order."),
});
export type ReportsIndex = z.infer<typeof reportsIndexSchema>;

export const INDEX_FILE = "index.json";

/**
 * The index of `folder`, or an empty one when there is none. An index that is not ours (another
 * version, edited by hand, corrupt) is replaced rather than trusted: `onDiscard` says so.
 */
export function readReportsIndex(folder: string, onDiscard: (why: string) => void): ReportsIndex {
  let text: string;
  try {
    text = readFileSync(join(folder, INDEX_FILE), "utf8");
  } catch {
    return { version: INDEX_VERSION, reports: [] };
  }
  try {
    return reportsIndexSchema.parse(JSON.parse(text));
  } catch {
    onDiscard(`${join(folder, INDEX_FILE)} was not a readable index of this version; starting a new one`);
    return { version: INDEX_VERSION, reports: [] };
  }
}

/** `index` with `report` in place of the model's previous row; rows keep the registry's order. */
export function withReport(index: ReportsIndex, report: ModelReport, order: readonly string[]): ReportsIndex {
  const reports = [...index.reports.filter((row) => row.result.model !== report.result.model), report as z.infer<typeof modelReportSchema>];
  const rank = (name: string): number => {
    const at = order.indexOf(name);
    return at < 0 ? order.length : at;
  };
  reports.sort((a, b) => rank(a.result.model) - rank(b.result.model) || (a.result.model < b.result.model ? -1 : a.result.model > b.result.model ? 1 : 0));
  return { version: INDEX_VERSION, reports };
}
