import type { Result } from "../explorer/result.ts";
import { terminalText } from "./escape/terminal-text.ts";
import { formatCount, formatRate, formatSeconds } from "./figures.ts";
import { sometimesTally } from "./sometimes.ts";
import type { Judgement } from "./verdict.ts";

/**
 * The table `check` prints on stdout: model, verdict, manifest outcome, states, depth, seconds,
 * states/s. The model and property names come from the Result and pass through `terminalText`.
 */
export function summaryTable(rows: readonly { result: Result; judgement: Judgement }[]): string {
  const header = ["model", "verdict", "expected?", "states", "depth", "seconds", "states/s"];
  const body = rows.map(({ result, judgement }) => [
    terminalText(result.model),
    terminalText(verdictCell(result)),
    judgement.outcome === "as-expected" ? "yes" : judgement.outcome === "incomplete" ? "incomplete" : "NO",
    formatCount(result.distinctStates),
    String(result.result === "violation" ? (result.counterexample?.steps.length ?? result.maxDepth) : result.maxDepth),
    formatSeconds(result.seconds),
    formatRate(result.statesPerSecond),
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...body.map((row) => row[column]!.length)));
  const numeric = new Set([3, 4, 5, 6]);
  const format = (row: string[]): string =>
    row.map((text, column) => (numeric.has(column) ? text.padStart(widths[column]!) : text.padEnd(widths[column]!))).join("  ").trimEnd();
  return [format(header), widths.map((w) => "-".repeat(w)).join("  "), ...body.map(format)].join("\n");
}

/** "liveness 1 holds, 1 undecided": the liveness verdicts by kind, in a fixed order. */
function livenessTally(result: Result): string | undefined {
  const entries = result.liveness ?? [];
  if (entries.length === 0) return undefined;
  const counts = (["holds", "undecided", "violated", "unchecked"] as const).map((verdict) => [verdict, entries.filter((entry) => entry.verdict === verdict).length] as const);
  return `liveness ${counts.filter(([, n]) => n > 0).map(([verdict, n]) => `${n} ${verdict}`).join(", ")}`;
}

/**
 * A simulation that found nothing says how many runs: it is evidence in proportion, not a proof.
 * Any verdict but a violation says how many `sometimes` were reached ("pass (3/3 sometimes)"):
 * a pass that reached fewer than all may be vacuous. Liveness verdicts are tallied after them.
 */
function verdictCell(result: Result): string {
  if (result.result === "violation") return `violation (${result.property})`;
  const notes: string[] = [];
  if (result.result === "no-violation") notes.push(`${formatCount(result.runs ?? 0)} runs`);
  if (result.limitHit === "error") notes.push("error");
  const tally = sometimesTally(result);
  if (tally !== undefined) notes.push(tally);
  const liveness = livenessTally(result);
  if (liveness !== undefined) notes.push(liveness);
  return notes.length === 0 ? result.result : `${result.result} (${notes.join(", ")})`;
}
