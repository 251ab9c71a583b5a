import type { AuditFinding } from "../properties/audit/finding.ts";
import { markdownCell } from "./escape/markdown-cell.ts";
import { markdownCodeBlock } from "./escape/markdown-code-block.ts";
import { markdownInline } from "./escape/markdown-inline.ts";

/**
 * reports/seed-audit.md: the reference property suites run against the seed documents'
 * sketches. A broken property is listed with its minimal counterexample (a test replays it).
 */
export function seedAuditMarkdown(findings: readonly AuditFinding[]): string {
  const out = [
    "# Seed audit",
    "",
    "The property suites of the reference implementations, run against literal ports of the seed documents' code sketches (`seed-*`). A broken property is a finding about the sketch, not a failing test: the counterexample below is minimal (shrunk by fast-check; for the protocol models, a shortest Schedule from an exhaustive breadth-first search, replayable with `consensus-check replay`) and replayed by the test suite.",
    "",
  ];
  const subjects = [...new Set(findings.map((finding) => finding.subject))];
  for (const subject of subjects) {
    const rows = findings.filter((finding) => finding.subject === subject);
    const broken = rows.filter((finding) => finding.verdict === "broken").length;
    out.push(`## ${markdownInline(subject)}`, "", `${broken} of ${rows.length} properties broken.`, "", "| property | verdict | source | what it shows |", "|---|---|---|---|");
    for (const row of rows) out.push(`| ${markdownCell(row.property)} | ${row.verdict === "broken" ? "**broken**" : "holds"} | ${markdownCell(row.source)} | ${markdownCell(row.explanation)} |`);
    out.push("");
    for (const row of rows.filter((finding) => finding.verdict === "broken")) {
      // JSON.stringify gives undefined for a missing counterexample; the block then stays empty, as before.
      const json = JSON.stringify(row.counterexample, null, 2) ?? "";
      out.push(`### ${markdownInline(`${row.subject}: ${row.property}`)}`, "", markdownInline(row.explanation), "", "Minimal counterexample:", "", markdownCodeBlock(json, "json"), "");
    }
  }
  return out.join("\n");
}
