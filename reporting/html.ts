import { htmlAttribute } from "./escape/html-attribute.ts";
import { htmlId } from "./escape/html-id.ts";
import { htmlText } from "./escape/html-text.ts";
import { formatCount, formatRate, formatSeconds } from "./figures.ts";
import { htmlCoverage } from "./html-coverage.ts";
import { htmlSometimes } from "./html-sometimes.ts";
import { htmlLiveness } from "./html-liveness.ts";
import { counterexampleShape } from "./liveness.ts";
import { htmlStepTable } from "./html-step-table.ts";
import type { ModelReport } from "./markdown.ts";
import { verdictLine } from "./markdown.ts";
import { sometimesTally } from "./sometimes.ts";
import { MAX_WIDTH, sequenceSvg } from "./svg-sequence.ts";

/**
 * reports/index.html: every model of a run on one self-contained page (no script, no network).
 * Each row names when its run ended, as an index may be assembled from several runs. Every
 * value from the reports goes through htmlText, htmlAttribute or htmlId. Text, tables and
 * diagrams share one column of MAX_WIDTH, the width the SVG diagrams are laid out for; a
 * wider diagram is scaled down into it rather than scrolled, so its notes stay in sight.
 */
export function htmlReport(reports: readonly ModelReport[], generatedAt: string): string {
  const rows = reports
    .map(({ result, judgement, ranAt }) => {
      const outcome = judgement?.outcome ?? "—";
      // A simulation that found nothing is "as expected" for a model expected to pass, but is no proof: marked apart.
      const rowClass = result.result === "no-violation" ? `${outcome} no-violation` : outcome;
      const tally = result.result === "violation" ? undefined : sometimesTally(result);
      return `<tr class="${htmlAttribute(rowClass)}"><td><a href="#${htmlId(result.model)}">${htmlText(result.model)}</a></td><td>${htmlText(result.result)}${result.property ? ` (${htmlText(result.property)})` : ""}${tally ? ` (${htmlText(tally)})` : ""}</td><td>${htmlText(outcome)}</td><td class="n">${formatCount(result.distinctStates)}</td><td class="n">${result.maxDepth}</td><td class="n">${formatSeconds(result.seconds)}</td><td class="n">${formatRate(result.statesPerSecond)}</td><td>${htmlText(ranAt ?? "—")}</td></tr>`;
    })
    .join("\n");
  const sections = reports.map(modelSection).join("\n");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>consensus-check report</title>
<style>
body{font-family:system-ui,sans-serif;margin:2em;max-width:1800px;color:#222}
p,table{max-width:${MAX_WIDTH}px}
table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:4px 8px}th{background:#f3f3f3}
td.n{text-align:right;font-variant-numeric:tabular-nums}
tr.unexpected td{background:#fde2e2}tr.incomplete td{background:#fff4d6}tr.as-expected td:nth-child(3){color:#075}tr.no-violation td:nth-child(2){font-style:italic;color:#555}
.warning{background:#fff4d6;padding:6px 10px;border-left:4px solid #e0a800}
section{border-top:1px solid #ddd;margin-top:2em}
.diagram{max-width:${MAX_WIDTH}px}.diagram svg{display:block;max-width:100%;height:auto}
table.steps{width:100%;table-layout:fixed}table.steps th:first-child{width:2.5em}table.steps th:last-child{width:9em}
table.steps td{vertical-align:top;overflow-wrap:anywhere}tr.violated td{background:#fde2e2}
dl.covers{max-width:${MAX_WIDTH}px}dl.covers dt{font-weight:bold;margin-top:.5em}dl.covers dd{margin-left:1.5em;overflow-wrap:anywhere}
table.sometimes td{overflow-wrap:anywhere}tr.reached td:nth-child(2){color:#075}tr.unreached td{background:#fff4d6}
</style></head><body>
<h1>consensus-check report</h1>
<p>Generated ${htmlText(generatedAt)}.</p>
<table><thead><tr><th>model</th><th>result</th><th>against manifest</th><th>states</th><th>depth</th><th>seconds</th><th>states/s</th><th>last run</th></tr></thead>
<tbody>
${rows}
</tbody></table>
${sections}
</body></html>
`;
}

function modelSection(report: ModelReport): string {
  const { result } = report;
  const warnings = report.warnings.map((w) => `<p class="warning">${htmlText(w)}</p>`).join("\n");
  const reasons = report.judgement?.reasons.length ? `<p>${htmlText(report.judgement.reasons.join("; "))}</p>` : "";
  const trace = report.trace
    ? `<h3>Counterexample (${htmlText(counterexampleShape(report.trace.length, result.counterexample?.cycleFrom))})</h3><div class="diagram">${sequenceSvg(report.trace, report.initialParticipants, result.counterexample?.cycleFrom)}</div>
${htmlStepTable(report.trace, report.initialParticipants)}${(report.evidence ?? []).map((entry) => `<h4>Evidence: ${htmlText(entry.property)}</h4><ul>${entry.lines.map((line) => `<li>${htmlText(line)}</li>`).join("")}</ul>`).join("")}`
    : "";
  return `<section id="${htmlId(result.model)}"><h2>${htmlText(result.model)}</h2>
<p>${htmlText(report.description)}</p><p><em>Assumptions:</em> ${htmlText(report.assumptions)}</p>
${warnings}
<p><strong>${htmlText(verdictLine(result))}</strong></p>${reasons}
<p>${formatCount(result.distinctStates)} distinct states, ${formatCount(result.transitions)} transitions, depth ${result.maxDepth}, seed ${result.seed}.</p>
${htmlCoverage(result, report.covers)}${htmlSometimes(result)}${htmlLiveness(result)}${trace}</section>`;
}
