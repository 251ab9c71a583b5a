import { mermaidId } from "./escape/mermaid-id.ts";
import { mermaidText } from "./escape/mermaid-text.ts";
import type { TraceStep } from "./trace.ts";
import { actorOf, byzantineReceiver, participantName, participantsOf, stepArrow } from "./trace.ts";

/**
 * A counterexample as a Mermaid `sequenceDiagram`: deliveries are arrows from sender to
 * receiver, Byzantine sends are async arrows, faults and client requests are notes, and each
 * change of a participant's summary (e.g. "committed A") is a note, so the violation can be
 * read without the step table. Every name goes through `mermaidId` and every text through
 * `mermaidText`, so each statement stays one line whatever the Result holds.
 */
export function sequenceDiagram(trace: readonly TraceStep[], replicaCount: number, initial: Record<string, string> = {}): string {
  const lanes = participantsOf(trace, replicaCount, Object.keys(initial));
  // Summaries may name participants that are no lane; declared after the lanes so that a
  // hex id (see mermaidId) is shown under its real name.
  const extra = [...new Set(trace.flatMap((entry) => Object.keys(entry.participants ?? {})))].filter((name) => !lanes.includes(name));
  const lines = ["sequenceDiagram", ...[...lanes, ...extra].map(declaration)];
  const first = mermaidId(lanes[0] ?? "R0");
  const span = lanes.length > 1 ? `${first},${mermaidId(lanes[lanes.length - 1]!)}` : first;
  let previous: Record<string, string> = initial;
  trace.forEach((entry, index) => {
    const n = index + 1;
    lines.push(stepLine(entry, n, span));
    for (const [name, summary] of Object.entries(entry.participants ?? {})) {
      if (previous[name] !== summary) lines.push(`  Note over ${mermaidId(name)}: ${mermaidText(summary)}`);
    }
    previous = entry.participants ?? previous;
    if (entry.violated.length > 0) lines.push(`  Note over ${span}: step ${n}: ${mermaidText(entry.violated.join(", "))} violated`);
  });
  return lines.join("\n");
}

function declaration(name: string): string {
  const id = mermaidId(name);
  return id === name ? `  participant ${id}` : `  participant ${id} as ${mermaidText(name)}`;
}

function stepLine(entry: TraceStep, n: number, span: string): string {
  const step = entry.step as Record<string, unknown>;
  for (const kind of ["deliver", "duplicate", "drop"] as const) {
    if (typeof step[kind] !== "string") continue;
    const arrow = stepArrow(entry.step, kind);
    if (!arrow) break;
    const [from, to] = [mermaidId(arrow.from), mermaidId(arrow.to)];
    if (kind === "drop") return `  ${from}-x${to}: ${n}. dropped ${mermaidText(arrow.label)}`;
    if (kind === "duplicate") return `  Note over ${from},${to}: ${n}. network duplicates ${mermaidText(arrow.label)}`;
    return `  ${from}->>${to}: ${n}. ${mermaidText(arrow.label)}`;
  }
  const receiver = byzantineReceiver(entry.step);
  if (receiver !== undefined) {
    const { byzantine, behaviour, to: _to, ...args } = step as { byzantine: number; behaviour: string; to?: number };
    const rest = Object.entries(args).map(([key, value]) => `${key}=${String(value)}`).join(" ");
    return `  ${mermaidId(participantName(byzantine))}--)${mermaidId(receiver)}: ${n}. Byzantine ${mermaidText(String(behaviour))}${rest ? ` ${mermaidText(rest)}` : ""}`;
  }
  const actor = actorOf(entry.step);
  return `  Note over ${actor === undefined ? span : mermaidId(actor)}: ${n}. ${mermaidText(entry.description)}`;
}
