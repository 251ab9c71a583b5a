import { markdownCell } from "./escape/markdown-cell.ts";
import type { TraceStep } from "./trace.ts";

/** The counterexample as a Markdown table: one row per step, what changed, what broke. */
export function stepTable(trace: readonly TraceStep[], initial: Record<string, string> = {}): string {
  const rows = ["| # | step | state after the step | violated |", "|---|---|---|---|"];
  let previous: Record<string, string> = initial;
  trace.forEach((entry, index) => {
    const participants = entry.participants ?? {};
    const changes = Object.entries(participants)
      .filter(([name, summary]) => previous[name] !== summary)
      .map(([name, summary]) => `${name}: ${summary}`)
      .join("; ");
    previous = participants;
    rows.push(`| ${index + 1} | ${markdownCell(entry.description)} | ${markdownCell(changes || "—")} | ${markdownCell(entry.violated.join(", ") || "—")} |`);
  });
  return rows.join("\n");
}
