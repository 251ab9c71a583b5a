import type { Result } from "../explorer/result.ts";
import { describeStep } from "../spec/common/schedule.ts";
import { markdownCell } from "./escape/markdown-cell.ts";
import { markdownInline } from "./escape/markdown-inline.ts";
import { unreachedNote, witnessLength } from "./sometimes.ts";

/**
 * The Markdown report's section on the `sometimes` properties: one row each (reached or not,
 * the witness's length), then each witness's steps in a short table, so a reviewer sees how
 * the model gets to the behaviour its invariants are about. Empty when the run reports none.
 */
export function sometimesSection(result: Result): string[] {
  const entries = result.sometimes ?? [];
  if (entries.length === 0) return [];
  const reached = entries.filter((entry) => entry.discovered).length;
  const out = [`## Sometimes (${reached} of ${entries.length} reached)`, "", "| property | reached | witness |", "|---|---|---|"];
  for (const entry of entries) {
    const length = witnessLength(entry, result.strategy);
    out.push(`| ${markdownCell(entry.name)} | ${length === undefined ? `**no**: ${markdownCell(unreachedNote(result))}` : "yes"} | ${markdownCell(length ?? "—")} |`);
  }
  out.push("");
  for (const entry of entries) {
    const steps = entry.witness?.steps ?? [];
    if (steps.length === 0) continue;
    out.push(`### Witness: ${markdownInline(entry.name)}`, "", "| # | step |", "|---|---|");
    steps.forEach((step, index) => out.push(`| ${index + 1} | ${markdownCell(describeStep(step))} |`));
    out.push("");
  }
  return out;
}
