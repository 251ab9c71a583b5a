import type { Result } from "../explorer/result.ts";
import { htmlText } from "./escape/html-text.ts";
import { unreachedNote, witnessLength } from "./sometimes.ts";

/**
 * A model's `sometimes` properties in reports/index.html: one row each, reached (with the
 * witness's length) or not; a pass that never reached one is marked like an unexpected row.
 * Empty when the run reports none, else ends with a line break.
 */
export function htmlSometimes(result: Result): string {
  const entries = result.sometimes ?? [];
  if (entries.length === 0) return "";
  const reached = entries.filter((entry) => entry.discovered).length;
  const rows = entries.map((entry) => {
    const length = witnessLength(entry, result.strategy);
    if (length !== undefined) return `<tr class="reached"><td>${htmlText(entry.name)}</td><td>yes</td><td>${htmlText(length)}</td></tr>`;
    return `<tr class="${result.result === "pass" ? "unexpected" : "unreached"}"><td>${htmlText(entry.name)}</td><td><strong>no</strong>: ${htmlText(unreachedNote(result))}</td><td>—</td></tr>`;
  });
  return `<h3>Sometimes (${reached} of ${entries.length} reached)</h3>
<table class="sometimes"><thead><tr><th>property</th><th>reached</th><th>witness</th></tr></thead>
<tbody>
${rows.join("\n")}
</tbody></table>
`;
}
