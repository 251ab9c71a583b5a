import type { TraceStep } from "./trace.ts";
import { actorOf, byzantineReceiver, messageArrow, participantName, participantsOf } from "./trace.ts";
import { htmlText } from "./escape/html-text.ts";

/**
 * The counterexample as an inline SVG sequence diagram, so reports/index.html needs no
 * script and no network (Mermaid's renderer is 3 MB of JavaScript). Same reading as the
 * Mermaid diagram in the Markdown report: arrows are deliveries, dashed arrows Byzantine
 * sends, red rows the steps after which a property fails; state changes are noted at the right.
 * Lanes widen with the longest arrow label up to a bound; a label longer than its arrow is
 * cut with an ellipsis and keeps its full text as a tooltip (and in the step list below).
 */
const MIN_LANE = 150;
const MAX_LANE = 280;
const ROW = 34;
const TOP = 40;
const LEFT = 80;
/** Average advance of a 12 px sans-serif character, for sizing lanes and columns. */
const CHAR = 6.6;

interface Row {
  link?: { from: string; to: string; label: string; byzantine: boolean };
  /** A step that is no arrow (a client request, a fault), written at its actor's lane. */
  text?: { at?: string; label: string };
  note: string;
  violated: boolean;
}

export function sequenceSvg(trace: readonly TraceStep[], replicaCount: number, initial: Record<string, string> = {}): string {
  const lanes = participantsOf(trace, replicaCount);
  const rows = rowsOf(trace, initial);
  const longestArrow = Math.max(0, ...rows.map((row) => (row.link ? row.link.label.length : 0)));
  const lane = Math.min(MAX_LANE, Math.max(MIN_LANE, Math.ceil(longestArrow * CHAR + 24)));
  const x = (name: string): number => LEFT + Math.max(0, lanes.indexOf(name)) * lane;
  const lastLane = LEFT + lane * (lanes.length - 1);
  const textEnd = (row: Row): number => (row.text ? (row.text.at ? x(row.text.at) + 6 : LEFT) + row.text.label.length * CHAR : 0);
  const notesX = Math.max(lastLane + 30, ...rows.map((row) => textEnd(row) + 20));
  const width = Math.ceil(notesX + Math.max(120, ...rows.map((row) => row.note.length * CHAR)) + 20);
  const height = TOP + ROW * (trace.length + 1) + 20;

  const parts: string[] = [];
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="counterexample sequence diagram" font-family="sans-serif" font-size="12">`);
  parts.push('<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z"/></marker></defs>');
  for (const name of lanes) {
    parts.push(`<text x="${x(name)}" y="20" text-anchor="middle" font-weight="bold">${htmlText(name)}</text>`);
    parts.push(`<line x1="${x(name)}" y1="28" x2="${x(name)}" y2="${height - 10}" stroke="#999" stroke-dasharray="4 3"/>`);
  }
  rows.forEach((row, index) => {
    const y = TOP + ROW * (index + 1);
    if (row.violated) parts.push(`<rect x="0" y="${y - ROW / 2 - 4}" width="${width}" height="${ROW}" fill="#fde2e2"/>`);
    parts.push(`<text x="8" y="${y + 4}" fill="#555">${index + 1}</text>`);
    if (row.link) {
      const { from, to, label, byzantine } = row.link;
      const dashed = byzantine ? ' stroke-dasharray="6 4"' : "";
      parts.push(`<line x1="${x(from)}" y1="${y}" x2="${x(to)}" y2="${y}" stroke="${byzantine ? "#b00" : "#036"}" stroke-width="1.5" marker-end="url(#arrow)"${dashed}/>`);
      const fits = Math.max(8, Math.floor((Math.abs(x(to) - x(from)) - 12) / CHAR));
      const shown = label.length <= fits ? label : `${label.slice(0, fits - 1)}…`;
      parts.push(`<text x="${(x(from) + x(to)) / 2}" y="${y - 5}" text-anchor="middle"><title>${htmlText(label)}</title>${htmlText(shown)}</text>`);
    } else if (row.text) {
      parts.push(`<text x="${row.text.at ? x(row.text.at) + 6 : LEFT}" y="${y + 4}">${htmlText(row.text.label)}</text>`);
    }
    if (row.note) parts.push(`<text x="${notesX}" y="${y + 4}" fill="${row.violated ? "#b00" : "#333"}">${htmlText(row.note)}</text>`);
  });
  parts.push("</svg>");
  return parts.join("\n");
}

function rowsOf(trace: readonly TraceStep[], initial: Record<string, string>): Row[] {
  let previous = initial;
  return trace.map((entry) => {
    const step = entry.step as Record<string, unknown>;
    const arrow = typeof step.deliver === "string" ? messageArrow(step.deliver) : undefined;
    const receiver = byzantineReceiver(entry.step);
    const link = arrow
      ? { ...arrow, byzantine: false }
      : receiver !== undefined
        ? { from: participantName(step.byzantine as number), to: receiver, label: byzantineLabel(step), byzantine: true }
        : undefined;
    const changes = Object.entries(entry.participants ?? {})
      .filter(([name, summary]) => previous[name] !== summary)
      .map(([name, summary]) => `${name}: ${summary}`);
    previous = entry.participants ?? previous;
    const note = [...changes, ...(entry.violated.length ? [`${entry.violated.join(", ")} violated`] : [])].join("; ");
    const row: Row = { note, violated: entry.violated.length > 0 };
    if (link && link.from !== link.to) row.link = link;
    else row.text = { at: actorOf(entry.step), label: entry.description };
    return row;
  });
}

/** "pre-prepare A (Byzantine)": the behaviour and its arguments, the sender and receiver being the arrow. */
function byzantineLabel(step: Record<string, unknown>): string {
  const args = Object.entries(step)
    .filter(([key]) => key !== "byzantine" && key !== "behaviour" && key !== "to")
    .map(([key, value]) => (key === "value" ? String(value) : `${key}=${String(value)}`));
  return `${String(step.behaviour)}${args.length ? ` ${args.join(" ")}` : ""} (Byzantine)`;
}
