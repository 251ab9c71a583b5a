import type { TraceStep } from "./trace.ts";
import { messageArrow } from "./trace.ts";

/**
 * A counterexample as a Mermaid `sequenceDiagram`: deliveries are arrows from sender to
 * receiver, Byzantine sends and faults are notes over the faulty replica, and each change of
 * a participant's summary (e.g. "committed A") is a note, so the violation can be read
 * without the step table.
 */
export function sequenceDiagram(trace: readonly TraceStep[], replicaCount: number, initial: Record<string, string> = {}): string {
  const lines = ["sequenceDiagram"];
  const participants = new Set<number>();
  for (let replica = 0; replica < replicaCount; replica++) participants.add(replica);
  for (const { step } of trace) for (const replica of replicasOf(step)) participants.add(replica);
  for (const replica of [...participants].sort((a, b) => a - b)) lines.push(`  participant R${replica}`);

  let previous: Record<string, string> = initial;
  trace.forEach((entry, index) => {
    const n = index + 1;
    lines.push(...stepLines(entry, n));
    for (const [name, summary] of Object.entries(entry.participants ?? {})) {
      if (previous[name] !== summary) lines.push(`  Note over ${safeName(name)}: ${escape(summary)}`);
    }
    previous = entry.participants ?? previous;
    if (entry.violated.length > 0) {
      const over = [...participants].sort((a, b) => a - b);
      const span = over.length > 1 ? `R${over[0]},R${over[over.length - 1]}` : `R${over[0] ?? 0}`;
      lines.push(`  Note over ${span}: step ${n}: ${escape(entry.violated.join(", "))} violated`);
    }
  });
  return lines.join("\n");
}

function stepLines(entry: TraceStep, n: number): string[] {
  const step = entry.step as Record<string, unknown>;
  for (const kind of ["deliver", "duplicate", "drop"] as const) {
    if (typeof step[kind] !== "string") continue;
    const arrow = messageArrow(step[kind] as string);
    if (!arrow) return [`  Note over R0: ${n}. ${escape(entry.description)}`];
    if (kind === "drop") return [`  R${arrow.from}-xR${arrow.to}: ${n}. dropped ${escape(arrow.label)}`];
    if (kind === "duplicate") return [`  Note over R${arrow.from},R${arrow.to}: ${n}. network duplicates ${escape(arrow.label)}`];
    return [`  R${arrow.from}->>R${arrow.to}: ${n}. ${escape(arrow.label)}`];
  }
  if (typeof step.byzantine === "number") {
    const { byzantine, behaviour, ...args } = step as { byzantine: number; behaviour: string };
    const to = typeof (args as Record<string, unknown>).to === "number" ? (args as Record<string, number>).to : undefined;
    const rest = Object.entries(args)
      .filter(([key]) => key !== "to")
      .map(([key, value]) => `${key}=${String(value)}`)
      .join(" ");
    if (to !== undefined) return [`  R${byzantine}--)R${to}: ${n}. Byzantine ${escape(behaviour)} ${escape(rest)} (sent)`];
    return [`  Note over R${byzantine}: ${n}. Byzantine ${escape(behaviour)} ${escape(rest)}`];
  }
  for (const kind of ["crash", "recover", "timeout"] as const) {
    if (typeof step[kind] === "number") return [`  Note over R${step[kind] as number}: ${n}. ${escape(entry.description)}`];
  }
  return [`  Note over R0: ${n}. ${escape(entry.description)}`];
}

function replicasOf(step: object): number[] {
  const record = step as Record<string, unknown>;
  const out: number[] = [];
  for (const value of Object.values(record)) {
    if (typeof value === "string") {
      const arrow = messageArrow(value);
      if (arrow) out.push(arrow.from, arrow.to);
    }
  }
  for (const key of ["byzantine", "crash", "recover", "timeout", "to"]) if (typeof record[key] === "number") out.push(record[key] as number);
  return out;
}

function safeName(name: string): string {
  return name.replace(/[^A-Za-z0-9_]/g, "_");
}

/** Mermaid treats ';' and '#' specially in message text. */
function escape(text: string): string {
  return text.replace(/;/g, ",").replace(/#/g, "no.").replace(/\n/g, " ");
}
