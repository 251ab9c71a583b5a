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
  // An undecided property's lasso is no counterexample, so it is drawn nowhere else: its steps here.
  for (const entry of entries) {
    if (entry.verdict !== "undecided" || entry.lasso === undefined) continue;
    const { steps, cycleFrom = steps.length } = entry.lasso;
    out.push(`### Undecided: ${markdownInline(entry.name)}`, "", "| # | step |", "|---|---|");
    steps.forEach((step, index) => out.push(`| ${index + 1}${index >= cycleFrom ? " ↻" : ""} | ${markdownCell(describeStep(step))} |`));
    out.push("", cycleFrom === steps.length ? "The run stops there: no action is enabled, at the model's cut-off." : `Steps marked ↻ repeat for ever, at the model's cut-off.`, "");
  }
  return out;
}
