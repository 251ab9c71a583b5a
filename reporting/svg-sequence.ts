import type { TraceStep } from "./trace.ts";
import { actorOf, byzantineReceiver, messageArrow, participantName, participantsOf } from "./trace.ts";
import { xml } from "./junit.ts";

/**
 * The counterexample as an inline SVG sequence diagram, so reports/index.html needs no
 * script and no network (Mermaid's renderer is 3 MB of JavaScript). Same reading as the
 * Mermaid diagram in the Markdown report: arrows are deliveries, dashed arrows Byzantine
 * sends, red rows the steps after which a property fails.
 */
const LANE = 150;
const ROW = 34;
const TOP = 40;
const LEFT = 80;

export function sequenceSvg(trace: readonly TraceStep[], replicaCount: number, initial: Record<string, string> = {}): string {
  const lanes = participantsOf(trace, replicaCount);
  const width = LEFT + LANE * (lanes.length - 1) + 240;
  const height = TOP + ROW * (trace.length + 1) + 20;
  const x = (name: string): number => LEFT + Math.max(0, lanes.indexOf(name)) * LANE;
  const notesX = LEFT + LANE * (lanes.length - 1) + 20;
  const parts: string[] = [];
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="counterexample sequence diagram" font-family="sans-serif" font-size="12">`);
  parts.push('<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z"/></marker></defs>');
  for (const lane of lanes) {
    parts.push(`<text x="${x(lane)}" y="20" text-anchor="middle" font-weight="bold">${lane}</text>`);
    parts.push(`<line x1="${x(lane)}" y1="28" x2="${x(lane)}" y2="${height - 10}" stroke="#999" stroke-dasharray="4 3"/>`);
  }
  let previous: Record<string, string> = initial;
  trace.forEach((entry, index) => {
    const y = TOP + ROW * (index + 1);
    if (entry.violated.length > 0) parts.push(`<rect x="0" y="${y - ROW / 2 - 4}" width="${width}" height="${ROW}" fill="#fde2e2"/>`);
    parts.push(`<text x="8" y="${y + 4}" fill="#555">${index + 1}</text>`);
    const step = entry.step as Record<string, unknown>;
    const arrow = typeof step.deliver === "string" ? messageArrow(step.deliver) : undefined;
    const receiver = byzantineReceiver(entry.step);
    const byzantine = receiver !== undefined;
    const link = arrow ?? (receiver !== undefined ? { from: participantName(step.byzantine as number), to: receiver, label: byzantineLabel(step) } : undefined);
    if (link && link.from !== link.to) {
      const dashed = byzantine ? ' stroke-dasharray="6 4"' : "";
      parts.push(`<line x1="${x(link.from)}" y1="${y}" x2="${x(link.to)}" y2="${y}" stroke="${byzantine ? "#b00" : "#036"}" stroke-width="1.5" marker-end="url(#arrow)"${dashed}/>`);
      parts.push(`<text x="${(x(link.from) + x(link.to)) / 2}" y="${y - 5}" text-anchor="middle">${xml(link.label)}</text>`);
    } else {
      const actor = actorOf(entry.step);
      parts.push(`<text x="${actor ? x(actor) + 6 : LEFT}" y="${y + 4}">${xml(entry.description)}</text>`);
    }
    const changes = Object.entries(entry.participants ?? {})
      .filter(([name, summary]) => previous[name] !== summary)
      .map(([name, summary]) => `${name}: ${summary}`);
    previous = entry.participants ?? previous;
    const note = [...changes, ...(entry.violated.length ? [`${entry.violated.join(", ")} violated`] : [])].join("; ");
    if (note) parts.push(`<text x="${notesX}" y="${y + 4}" fill="${entry.violated.length ? "#b00" : "#333"}">${xml(note)}</text>`);
  });
  parts.push("</svg>");
  return parts.join("\n");
}

/** "pre-prepare A (Byzantine)": the behaviour and its arguments, the sender and receiver being the arrow. */
function byzantineLabel(step: Record<string, unknown>): string {
  const args = Object.entries(step)
    .filter(([key]) => key !== "byzantine" && key !== "behaviour" && key !== "to")
    .map(([key, value]) => (key === "value" ? String(value) : `${key}=${String(value)}`));
  return `${String(step.behaviour)}${args.length ? ` ${args.join(" ")}` : ""} (Byzantine)`;
}
