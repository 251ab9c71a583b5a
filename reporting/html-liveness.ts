import type { Result } from "../explorer/result.ts";
import { htmlText } from "./escape/html-text.ts";
import { livenessFindingText, livenessKind } from "./liveness.ts";

/** A model's liveness properties in reports/index.html; empty when the run reports none, else ends with a line break. */
export function htmlLiveness(result: Result): string {
  const entries = result.liveness ?? [];
  if (entries.length === 0) return "";
  const rows = entries.map((entry) => `<tr class="${entry.verdict === "violated" ? "unexpected" : "reached"}"><td>${htmlText(entry.name)}</td><td>${livenessKind(entry)}</td><td>${htmlText(livenessFindingText(entry))}</td></tr>`);
  return `<h3>Liveness (under weak fairness)</h3>
<table class="liveness"><thead><tr><th>property</th><th>kind</th><th>finding</th></tr></thead>
<tbody>
${rows.join("\n")}
</tbody></table>
`;
}
