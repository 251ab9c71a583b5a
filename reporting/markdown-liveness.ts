import type { Result } from "../explorer/result.ts";
import { describeStep } from "../spec/common/schedule.ts";
import { markdownCell } from "./escape/markdown-cell.ts";
import { markdownInline } from "./escape/markdown-inline.ts";
import { livenessFindingText, livenessKind } from "./liveness.ts";

/**
 * The Markdown report's section on liveness: one row per property (its kind and what the run
 * found: the bound after GST, the lasso's lengths, or why it is unchecked). Empty when the run
 * reports none.
 */
export function livenessSection(result: Result): string[] {
  const entries = result.liveness ?? [];
  if (entries.length === 0) return [];
  const out = ["## Liveness (under weak fairness)", "", "| property | kind | finding |", "|---|---|---|"];
  for (const entry of entries) out.push(`| ${markdownCell(entry.name)} | ${livenessKind(entry)} | ${markdownCell(livenessFindingText(entry))} |`);
  out.push("");
  // An undecided property's run is no counterexample, so it is drawn nowhere else: its steps here.
  for (const entry of entries) {
    if (entry.verdict !== "undecided" || entry.cutOffRun === undefined) continue;
    out.push(`### Undecided: ${markdownInline(entry.name)}`, "", "| # | step |", "|---|---|");
    entry.cutOffRun.steps.forEach((step, index) => out.push(`| ${index + 1} | ${markdownCell(describeStep(step))} |`));
    out.push("", "Here the run reaches the model's cut-off after GST: what the protocol does next is beyond the model's bound.", "");
  }
  return out;
}
