import type { Baseline, BaselineEntry, LivenessFinding } from "./baseline.ts";
import { markdownCell } from "./escape/markdown-cell.ts";
import { markdownCodeSpan } from "./escape/markdown-code-span.ts";
import { markdownInline } from "./escape/markdown-inline.ts";
import { terminalText } from "./escape/terminal-text.ts";
import { formatCount } from "./figures.ts";

/**
 * What `audit` found between a baseline and a new run, model by model, and its two renderings:
 * the plain table on stdout and the Markdown of a pull-request comment. Pure: the command
 * reads and writes the files.
 *
 * A change is "breaking" (a behaviour change, exit 1) when the verdict, a counterexample, a
 * liveness verdict, the reach of a `sometimes` property or the search itself changed, or when a
 * figure (distinct states, depth, transitions, a witness's length, a liveness bound) moved by
 * more than the tolerance. An exhaustive search of a deterministic model has exact figures, so
 * with the default tolerance of 0 any figure that moved means the reachable space changed; a
 * figure within a larger tolerance is a note. A model new to the baseline or gone from it is a
 * note too: its own entry has nothing to be compared with, and `--update` records it.
 */
export interface Change {
  kind: "verdict" | "counterexample" | "states" | "depth" | "transitions" | "sometimes" | "liveness" | "search";
  /** The change in words, e.g. "verdict: violation (termination) → pass". */
  text: string;
  breaking: boolean;
}

export type ModelStatus = "changed" | "within-tolerance" | "unchanged" | "added" | "removed";

export interface ModelDiff {
  model: string;
  status: ModelStatus;
  before?: BaselineEntry;
  after?: BaselineEntry;
  changes: Change[];
}

export interface BehaviourDiff {
  /** The largest change in percent a figure may make and be a note. */
  tolerancePct: number;
  /** In model-name order. */
  models: ModelDiff[];
}

/** `before` against `after`: every model of either, in name order. The caller chooses which entries are in scope. */
export function diffBaselines(before: Baseline, after: Baseline, tolerancePct: number): BehaviourDiff {
  const names = [...new Set([...Object.keys(before.models), ...Object.keys(after.models)])].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const models = names.map((model): ModelDiff => {
    const old = Object.hasOwn(before.models, model) ? before.models[model] : undefined;
    const now = Object.hasOwn(after.models, model) ? after.models[model] : undefined;
    if (old === undefined) return { model, status: "added", after: now, changes: [] };
    if (now === undefined) return { model, status: "removed", before: old, changes: [] };
    const changes = compareEntries(old, now, tolerancePct);
    const status: ModelStatus = changes.some((change) => change.breaking) ? "changed" : changes.length > 0 ? "within-tolerance" : "unchanged";
    return { model, status, before: old, after: now, changes };
  });
  return { tolerancePct, models };
}

/** Whether the diff holds a behaviour change: `audit` exits 1 then. */
export function hasBehaviourChange(diff: BehaviourDiff): boolean {
  return diff.models.some((model) => model.status === "changed");
}

function compareEntries(old: BaselineEntry, now: BaselineEntry, tolerancePct: number): Change[] {
  const changes: Change[] = [];
  if (searchOf(old) !== searchOf(now)) changes.push({ kind: "search", text: `search: ${searchOf(old)} → ${searchOf(now)}`, breaking: true });
  if (verdictOf(old) !== verdictOf(now)) changes.push({ kind: "verdict", text: `verdict: ${verdictOf(old)} → ${verdictOf(now)}`, breaking: true });
  const [was, is] = [old.counterexampleLength, now.counterexampleLength];
  if (was === undefined && is !== undefined) changes.push({ kind: "counterexample", text: `counterexample appeared: ${steps(is)}`, breaking: true });
  else if (was !== undefined && is === undefined) changes.push({ kind: "counterexample", text: `counterexample vanished (was ${steps(was)})`, breaking: true });
  else if (was !== undefined && is !== undefined && was !== is) changes.push({ kind: "counterexample", text: `counterexample length: ${steps(was)} → ${steps(is)}`, breaking: true });
  const figure = (kind: Change["kind"], name: string, from: number, to: number): void => {
    if (from !== to) changes.push({ kind, text: `${name}: ${formatCount(from)} → ${formatCount(to)}${percentNote(from, to)}`, breaking: !withinTolerance(from, to, tolerancePct) });
  };
  figure("states", "distinct states", old.distinctStates, now.distinctStates);
  figure("depth", "depth", old.maxDepth, now.maxDepth);
  figure("transitions", "transitions", old.transitions, now.transitions);
  for (const name of unionOfKeys(old.sometimes, now.sometimes)) {
    const from = recordValue(old.sometimes, name);
    const to = recordValue(now.sometimes, name);
    // Declared on one side only: the model's check changed, not what it reaches.
    if (from === undefined || to === undefined) changes.push({ kind: "sometimes", text: `sometimes ${name}: ${from === undefined ? "newly declared" : "no longer declared"}`, breaking: false });
    else if (from === null || to === null) {
      if (from !== to) changes.push({ kind: "sometimes", text: `sometimes ${name}: ${reach(from)} → ${reach(to)}`, breaking: true });
    } else figure("sometimes", `sometimes ${name} witness length`, from, to);
  }
  for (const name of unionOfKeys(old.liveness, now.liveness)) {
    const from = recordValue(old.liveness, name);
    const to = recordValue(now.liveness, name);
    if (from === undefined || to === undefined) {
      // A newly declared property that is violated is a new counterexample all the same.
      const finding = (to ?? from)!;
      const breaking = to !== undefined && to.verdict === "violated";
      changes.push({ kind: "liveness", text: `liveness ${name}: ${from === undefined ? `newly declared, ${describeFinding(finding)}` : `no longer declared (was ${describeFinding(finding)})`}`, breaking });
    } else if (from.verdict !== to.verdict) {
      changes.push({ kind: "liveness", text: `liveness ${name}: ${describeFinding(from)} → ${describeFinding(to)}`, breaking: true });
    } else if (from.verdict === "violated" && to.verdict === "violated") {
      // A lasso is a counterexample: its length changing is a changed counterexample.
      if (from.stem !== to.stem || from.cycle !== to.cycle) changes.push({ kind: "liveness", text: `liveness ${name}: ${describeFinding(from)} → ${describeFinding(to)}`, breaking: true });
    } else if (from.verdict === "holds" && to.verdict === "holds") {
      if (from.bound !== to.bound) {
        const comparable = from.bound !== undefined && to.bound !== undefined;
        changes.push({
          kind: "liveness",
          text: `liveness ${name}: ${describeFinding(from)} → ${describeFinding(to)}${comparable ? percentNote(from.bound!, to.bound!) : ""}`,
          breaking: !comparable || !withinTolerance(from.bound!, to.bound!, tolerancePct),
        });
      }
    } else if (from.verdict === "undecided" && to.verdict === "undecided" && from.steps !== to.steps) {
      changes.push({ kind: "liveness", text: `liveness ${name}: ${describeFinding(from)} → ${describeFinding(to)}${percentNote(from.steps, to.steps)}`, breaking: !withinTolerance(from.steps, to.steps, tolerancePct) });
    }
  }
  return changes;
}

/**
 * |to − from| ≤ tolerance % of `from`. A figure that was 0 has no scale to be a percentage of:
 * any change of it is beyond every tolerance.
 */
export function withinTolerance(from: number, to: number, tolerancePct: number): boolean {
  if (from === to) return true;
  if (from === 0) return false;
  // Compared in whole multiples to keep 10 → 11 at 10% inside (0.1 * 100 is 10.000000000000002).
  return Math.abs(to - from) * 100 <= tolerancePct * from;
}

/** " (+50%)", " (−12.5%)", one decimal at most; nothing where `from` is 0. */
function percentNote(from: number, to: number): string {
  if (from === 0) return "";
  const pct = Math.round(((to - from) / from) * 1000) / 10;
  return ` (${pct > 0 ? "+" : ""}${pct}%)`;
}

function verdictOf(entry: BaselineEntry): string {
  const kind = entry.violationKind === undefined || entry.violationKind === "invariant" ? "" : `, ${entry.violationKind}`;
  return entry.result === "violation" ? `violation (${entry.property ?? "unknown property"}${kind})` : entry.result;
}

function searchOf(entry: BaselineEntry): string {
  if (entry.strategy !== "random") return entry.strategy;
  return `random (${formatCount(entry.runs ?? 0)} runs of at most ${formatCount(entry.maxSteps ?? 0)} steps, seed ${entry.seed ?? 0})`;
}

function steps(count: number): string {
  return `${formatCount(count)} step${count === 1 ? "" : "s"}`;
}

function reach(length: number | null): string {
  return length === null ? "never reached" : `reached in ${steps(length)}`;
}

function describeFinding(finding: LivenessFinding): string {
  if (finding.verdict === "unchecked") return "unchecked";
  if (finding.verdict === "holds") return finding.bound === undefined ? "holds" : `holds within ${steps(finding.bound)} of GST`;
  if (finding.verdict === "undecided") return `undecided (a run of ${steps(finding.steps)} to the cut-off)`;
  return finding.cycle === 0 ? `violated (a deadlock after ${steps(finding.stem)})` : `violated (a lasso of ${steps(finding.stem)}, then a cycle of ${steps(finding.cycle)})`;
}

function unionOfKeys(a: Record<string, unknown> | undefined, b: Record<string, unknown> | undefined): string[] {
  return [...new Set([...Object.keys(a ?? {}), ...Object.keys(b ?? {})])].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
}

function recordValue<T>(record: Record<string, T> | undefined, key: string): T | undefined {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}

/** "1 of 34 models changed behaviour (tolerance 0%); 2 within tolerance; 1 added": the diff in one line. */
export function diffSummary(diff: BehaviourDiff): string {
  const count = (status: ModelStatus): number => diff.models.filter((model) => model.status === status).length;
  const compared = diff.models.filter((model) => model.status !== "added" && model.status !== "removed").length;
  const parts = [`${count("changed")} of ${compared} model${compared === 1 ? "" : "s"} changed behaviour (tolerance ${diff.tolerancePct}%)`];
  if (count("within-tolerance") > 0) parts.push(`${count("within-tolerance")} within tolerance`);
  if (count("added") > 0) parts.push(`${count("added")} not in the baseline`);
  if (count("removed") > 0) parts.push(`${count("removed")} no longer run`);
  return parts.join("; ");
}

const STATUS_WORDS: Record<ModelStatus, string> = {
  changed: "CHANGED",
  "within-tolerance": "within tolerance",
  unchanged: "same",
  added: "not in baseline",
  removed: "no longer run",
};

/** The cells of one model's row, before escaping: verdict, states, depth, transitions, counterexample. */
function rowCells(diff: ModelDiff, arrow: string): string[] {
  const pair = (render: (entry: BaselineEntry) => string): string => {
    const from = diff.before === undefined ? undefined : render(diff.before);
    const to = diff.after === undefined ? undefined : render(diff.after);
    if (from === undefined) return to!;
    if (to === undefined || from === to) return from;
    return `${from} ${arrow} ${to}`;
  };
  const figure = (pick: (entry: BaselineEntry) => number): string => {
    if (diff.before === undefined || diff.after === undefined) return pair((entry) => formatCount(pick(entry)));
    const [from, to] = [pick(diff.before), pick(diff.after)];
    return from === to ? formatCount(from) : `${formatCount(from)} ${arrow} ${formatCount(to)}${percentNote(from, to)}`;
  };
  return [
    pair(verdictOf),
    figure((entry) => entry.distinctStates),
    figure((entry) => entry.maxDepth),
    figure((entry) => entry.transitions),
    pair((entry) => (entry.counterexampleLength === undefined ? "none" : steps(entry.counterexampleLength))),
  ];
}

/**
 * The plain table `audit` prints: one row per model, then one line per change of each model
 * that has any. Names come from files and pass through `terminalText`.
 */
export function behaviourTable(diff: BehaviourDiff): string {
  const header = ["model", "verdict", "states", "depth", "transitions", "counterexample", "behaviour"];
  const body = diff.models.map((model) => [model.model, ...rowCells(model, "->"), STATUS_WORDS[model.status]].map(terminalText));
  const widths = header.map((title, column) => Math.max(title.length, ...body.map((row) => row[column]!.length)));
  const format = (row: string[]): string => row.map((text, column) => text.padEnd(widths[column]!)).join("  ").trimEnd();
  const lines = [format(header), widths.map((width) => "-".repeat(width)).join("  "), ...body.map(format), "", diffSummary(diff)];
  for (const model of diff.models) {
    for (const change of model.changes) lines.push(`${terminalText(model.model)}: ${terminalText(change.text.replaceAll("→", "->"))}${change.breaking ? "" : " (within tolerance)"}`);
  }
  return lines.join("\n");
}

/**
 * The Markdown of a pull-request comment: the summary in bold, a table of the models whose
 * behaviour changed or moved within tolerance (or were added or removed; unchanged ones are
 * counted, not listed, so the comment stays short), and each such model's changes. Every name
 * and value read from a file is escaped for its context.
 */
export function behaviourMarkdown(diff: BehaviourDiff, against: string): string {
  const listed = diff.models.filter((model) => model.status !== "unchanged");
  const unchanged = diff.models.length - listed.length;
  const out = [`### Behaviour diff against ${markdownCodeSpan(against)}`, "", `**${markdownInline(diffSummary(diff))}.**`];
  if (listed.length > 0) {
    out.push("", "| model | behaviour | verdict | distinct states | depth | transitions | counterexample |", "|---|---|---|---:|---:|---:|---|");
    for (const model of listed) {
      const status = model.status === "changed" ? "**changed**" : markdownCell(STATUS_WORDS[model.status]);
      out.push(`| ${markdownCell(model.model)} | ${status} | ${rowCells(model, "→").map(markdownCell).join(" | ")} |`);
    }
  }
  if (unchanged > 0) out.push("", `${unchanged} model${unchanged === 1 ? "" : "s"} unchanged.`);
  for (const model of listed.filter((entry) => entry.changes.length > 0)) {
    out.push("", `#### ${markdownInline(model.model)}`, "");
    for (const change of model.changes) out.push(`- ${change.breaking ? "**changed**" : "within tolerance"}: ${markdownInline(change.text)}`);
  }
  return `${out.join("\n")}\n`;
}
