import type { Result } from "../explorer/result.ts";
import type { Coverage } from "../spec/common/coverage.ts";
import { markdownCell } from "./escape/markdown-cell.ts";
import { markdownCodeBlock } from "./escape/markdown-code-block.ts";
import { markdownCodeSpan } from "./escape/markdown-code-span.ts";
import { markdownInline } from "./escape/markdown-inline.ts";
import { formatCount, formatRate, formatSeconds } from "./figures.ts";
import { coverageSection } from "./markdown-coverage.ts";
import { sometimesSection } from "./markdown-sometimes.ts";
import { livenessSection } from "./markdown-liveness.ts";
import { counterexampleShape } from "./liveness.ts";
import { sequenceDiagram } from "./mermaid.ts";
import { stepTable } from "./step-table.ts";
import type { Evidence, TraceStep } from "./trace.ts";
import type { Judgement } from "./verdict.ts";

export interface ModelReport {
  result: Result;
  description: string;
  assumptions: string;
  /** What the check covers (ModelDefinition.covers of the config it ran with). */
  covers: Coverage;
  judgement?: Judgement;
  /** Warnings about the configuration itself, e.g. "n = 3 < 3f+1 = 4: below the Byzantine bound". */
  warnings: string[];
  /** The counterexample replayed step by step (when there is one). */
  trace?: TraceStep[];
  /** Participants' summaries in the initial state, so that only changes are drawn. */
  initialParticipants?: Record<string, string>;
  /** What the counterexample's last state shows for the properties it fails (e.g. accountable-safety evidence). */
  evidence?: Evidence[];
  /**
   * When the run that produced `result` ended (ISO 8601). An index assembled from several
   * runs shows it per row; optional because older saved reports do not carry it.
   */
  ranAt?: string;
}

/**
 * reports/<model>.md: verdict, figures, what the check covers, the `sometimes` reached, and the
 * counterexample as a diagram and a table.
 */
export function markdownReport(report: ModelReport): string {
  const { result } = report;
  const out: string[] = [];
  out.push(`# ${markdownInline(result.model)}`, "", markdownInline(report.description), "", `Assumptions: ${markdownInline(report.assumptions)}`, "");
  for (const warning of report.warnings) out.push(`> **Warning:** ${markdownInline(warning)}`, "");
  out.push(`**Verdict: ${markdownInline(verdictLine(result))}**`, "");
  if (report.judgement) {
    const reasons = report.judgement.reasons.length ? ` — ${markdownInline(report.judgement.reasons.join("; "))}` : "";
    out.push(`Against the manifest: **${markdownInline(report.judgement.outcome)}**${reasons}`, "");
  }
  out.push("| figure | value |", "|---|---|");
  out.push(`| distinct states | ${formatCount(result.distinctStates)} |`);
  out.push(`| transitions | ${formatCount(result.transitions)} |`);
  out.push(`| max depth | ${result.maxDepth} |`);
  out.push(`| seconds | ${formatSeconds(result.seconds)} |`);
  out.push(`| states/s | ${formatRate(result.statesPerSecond)} |`);
  out.push(`| strategy | ${markdownCell(result.strategy ?? "bfs")} |`);
  out.push(`| seed | ${result.seed} |`);
  if (result.runs !== undefined) out.push(`| random runs | ${formatCount(result.runs)}${result.maxSteps === undefined ? "" : ` of up to ${formatCount(result.maxSteps)} steps`} |`);
  if (result.limitHit) out.push(`| limit hit | ${markdownCell(result.limitHit)} |`);
  if (result.error) out.push(`| error | ${markdownCell(result.error)} |`);
  if (report.ranAt !== undefined) out.push(`| last run | ${markdownCell(report.ranAt)} |`);
  if (result.sometimes?.length) out.push(`| sometimes reached | ${result.sometimes.filter((entry) => entry.discovered).length} of ${result.sometimes.length} |`);
  out.push("");
  out.push(...coverageSection(result, report.covers));
  out.push(...sometimesSection(result));
  out.push(...livenessSection(result));
  if (result.counterexample && report.trace) {
    const cycleFrom = result.counterexample.cycleFrom;
    const how = cycleFrom !== undefined ? "" : result.strategy === "bfs" || !result.strategy ? ", shortest" : result.shrunkFrom ? `, shrunk from ${result.shrunkFrom}` : "";
    out.push(`## Counterexample (${counterexampleShape(report.trace.length, cycleFrom)}${how})`, "");
    out.push(markdownCodeBlock(sequenceDiagram(report.trace, report.initialParticipants, cycleFrom), "mermaid"), "");
    out.push(stepTable(report.trace, report.initialParticipants), "");
    out.push(...evidenceSection(report.evidence));
    out.push(`Replay it with ${markdownCodeSpan(`npx consensus-check replay reports/${fileStem(result.model)}.schedule.json`)}.`, "");
  }
  return out.join("\n");
}

/** What the counterexample's last state shows, per property that explains itself. */
function evidenceSection(evidence: readonly Evidence[] | undefined): string[] {
  const out: string[] = [];
  for (const entry of evidence ?? []) {
    out.push(`### Evidence: ${markdownInline(entry.property)}`, "");
    for (const line of entry.lines) out.push(`- ${markdownInline(line)}`);
    out.push("");
  }
  return out;
}

export function verdictLine(result: Result): string {
  switch (result.result) {
    case "pass": {
      const undecided = (result.liveness ?? []).filter((entry) => entry.verdict === "undecided").length;
      const liveness = result.liveness?.length ? (undecided > 0 ? `; liveness undecided at the model's cut-off for ${undecided} of ${result.liveness.length}` : result.liveness.every((entry) => entry.verdict === "holds") ? "; every liveness property holds" : "") : "";
      return `pass — no invariant violated in any reachable state${liveness}`;
    }
    case "violation": {
      const kind = result.violationKind === "deadlock" ? " — a deadlock: it fails in a state with no enabled action" : result.violationKind === "liveness" ? " — liveness: a fair run never reaches it" : "";
      return `violation of ${result.property ?? "a property"}${kind}`;
    }
    case "no-violation": {
      const runs = result.runs ?? 0;
      const length = result.maxSteps === undefined ? "" : ` of up to ${formatCount(result.maxSteps)} steps`;
      return `no violation in ${formatCount(runs)} random run${runs === 1 ? "" : "s"}${length} (simulation, not exhaustive: ${formatCount(result.distinctStates)} distinct states visited)`;
    }
    default:
      if (result.limitHit === "error") return `incomplete — the model threw an error: ${result.error ?? "unknown error"}`;
      return `incomplete — stopped at the ${result.limitHit ?? "unknown"} limit`;
  }
}

/** "pbft/n4_f1" → "pbft-n4_f1", a flat file name under reports/. */
export function fileStem(model: string): string {
  return model.replace(/[/\\]/g, "-");
}
