import type { TraceStep } from "./trace.ts";
import { actorOf, byzantineReceiver, messageArrow, participantName, participantsOf } from "./trace.ts";

/**
 * A counterexample as a Mermaid `sequenceDiagram`: deliveries are arrows from sender to
 * receiver, Byzantine sends are async arrows, faults and client requests are notes, and each
 * change of a participant's summary (e.g. "committed A") is a note, so the violation can be
 * read without the step table.
 */
export function sequenceDiagram(trace: readonly TraceStep[], replicaCount: number, initial: Record<string, string> = {}): string {
  const participants = participantsOf(trace, replicaCount);
  const lines = ["sequenceDiagram", ...participants.map((name) => `  participant ${name}`)];
  const span = participants.length > 1 ? `${participants[0]},${participants[participants.length - 1]}` : (participants[0] ?? "R0");
  let previous: Record<string, string> = initial;
  trace.forEach((entry, index) => {
    const n = index + 1;
    lines.push(stepLine(entry, n, span));
    for (const [name, summary] of Object.entries(entry.participants ?? {})) {
      if (previous[name] !== summary) lines.push(`  Note over ${safeName(name)}: ${escape(summary)}`);
    }
    previous = entry.participants ?? previous;
    if (entry.violated.length > 0) lines.push(`  Note over ${span}: step ${n}: ${escape(entry.violated.join(", "))} violated`);
  });
  return lines.join("\n");
}

function stepLine(entry: TraceStep, n: number, span: string): string {
  const step = entry.step as Record<string, unknown>;
  for (const kind of ["deliver", "duplicate", "drop"] as const) {
    if (typeof step[kind] !== "string") continue;
    const arrow = messageArrow(step[kind] as string);
    if (!arrow) break;
    if (kind === "drop") return `  ${arrow.from}-x${arrow.to}: ${n}. dropped ${escape(arrow.label)}`;
    if (kind === "duplicate") return `  Note over ${arrow.from},${arrow.to}: ${n}. network duplicates ${escape(arrow.label)}`;
    return `  ${arrow.from}->>${arrow.to}: ${n}. ${escape(arrow.label)}`;
  }
  const receiver = byzantineReceiver(entry.step);
  if (receiver !== undefined) {
    const { byzantine, behaviour, to: _to, ...args } = step as { byzantine: number; behaviour: string; to?: number };
    const rest = Object.entries(args).map(([key, value]) => `${key}=${String(value)}`).join(" ");
    return `  ${participantName(byzantine)}--)${receiver}: ${n}. Byzantine ${escape(behaviour)}${rest ? ` ${escape(rest)}` : ""}`;
  }
  const actor = actorOf(entry.step);
  return `  Note over ${actor ?? span}: ${n}. ${escape(entry.description)}`;
}

function safeName(name: string): string {
  return name.replace(/[^A-Za-z0-9_]/g, "_");
}

/** Mermaid treats ';' and '#' specially in message text. */
function escape(text: string): string {
  return text.replace(/;/g, ",").replace(/#/g, "no.").replace(/\n/g, " ");
}
