import { htmlText } from "./escape/html-text.ts";
import { stateChanges } from "./state-changes.ts";
import type { TraceStep } from "./trace.ts";

/**
 * The counterexample under its diagram in reports/index.html, one row per step: the whole
 * step, every state change in full and what broke. The diagram may cut a long label or note;
 * this table never does, and it wraps in its column however long the text.
 */
export function htmlStepTable(trace: readonly TraceStep[], initial: Record<string, string> = {}): string {
  const changes = stateChanges(trace, initial);
  const rows = trace.map((entry, index) => {
    const state = changes[index]!.map(([name, summary]) => htmlText(`${name}: ${summary}`)).join("<br>") || "—";
    const violated = entry.violated.length ? `<strong>${htmlText(entry.violated.join(", "))}</strong>` : "—";
    return `<tr${entry.violated.length ? ' class="violated"' : ""}><td class="n">${index + 1}</td><td>${htmlText(entry.description)}</td><td>${state}</td><td>${violated}</td></tr>`;
  });
  return `<table class="steps"><thead><tr><th>#</th><th>step</th><th>state after the step</th><th>violated</th></tr></thead>
<tbody>
${rows.join("\n")}
</tbody></table>`;
}
