import { mermaidId } from "./escape/mermaid-id.ts";
import { mermaidText } from "./escape/mermaid-text.ts";
import type { TraceStep } from "./trace.ts";
import { actorOf, participantsOf, protocolStepLabel, stepArrow } from "./trace.ts";

/**
 * A counterexample as a Mermaid `sequenceDiagram`: deliveries are arrows from sender to
 * receiver; a protocol step (a client's request, a Byzantine behaviour) is a note over its actor
 * with the step's label; faults are notes; and each change of a participant's summary (e.g.
 * "committed A") is a note, so the violation can be read without the step table. Every name goes through `mermaidId` and every text through
 * `mermaidText`, so each statement stays one line whatever the Result holds.
 */
export function sequenceDiagram(trace: readonly TraceStep[], initial: Record<string, string> = {}, cycleFrom?: number): string {
  const lanes = participantsOf(trace, Object.keys(initial));
  // Summaries may name participants that are no lane; declared after the lanes so that a
  // hex id (see mermaidId) is shown under its real name.
  const extra = [...new Set(trace.flatMap((entry) => Object.keys(entry.participants ?? {})))].filter((name) => !lanes.includes(name));
  const lines = ["sequenceDiagram", ...[...lanes, ...extra].map(declaration)];
  const first = mermaidId(lanes[0] ?? "R0");
  const span = lanes.length > 1 ? `${first},${mermaidId(lanes[lanes.length - 1]!)}` : first;
  let previous: Record<string, string> = initial;
  // A lasso's cycle is a marked loop; a deadlock is said after the last step.
  const cycles = cycleFrom !== undefined && cycleFrom < trace.length;
  trace.forEach((entry, index) => {
    const n = index + 1;
    if (cycles && index === cycleFrom) lines.push(`  loop cycle: steps ${n}–${trace.length} repeat for ever (a fair lasso)`);
    lines.push(stepLine(entry, n, span));
    for (const [name, summary] of Object.entries(entry.participants ?? {})) {
      if (previous[name] !== summary) lines.push(`  Note over ${mermaidId(name)}: ${mermaidText(summary)}`);
    }
    previous = entry.participants ?? previous;
    if (entry.violated.length > 0) lines.push(`  Note over ${span}: step ${n}: ${mermaidText(entry.violated.join(", "))} violated`);
  });
  if (cycles) lines.push("  end");
  if (cycleFrom !== undefined && cycleFrom === trace.length) lines.push(`  Note over ${span}: deadlock: no action is enabled, the run stops here`);
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
  const actor = actorOf(entry.step);
  const text = protocolStepLabel(entry.step) ?? entry.description;
  return `  Note over ${actor === undefined ? span : mermaidId(actor)}: ${n}. ${mermaidText(text)}`;
}
