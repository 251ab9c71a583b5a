import { htmlText } from "./escape/html-text.ts";
import { stateChanges } from "./state-changes.ts";
import type { TraceStep } from "./trace.ts";
import { actorOf, participantsOf, protocolStepLabel, stepArrow } from "./trace.ts";
import { wrapText } from "./wrap.ts";

/**
 * The counterexample as an inline SVG sequence diagram, so reports/index.html needs no
 * script and no network (Mermaid's renderer is 3 MB of JavaScript). Same reading as the
 * Mermaid diagram in the Markdown report: arrows are deliveries, a protocol step is its label
 * at its actor's lane, red rows the steps after which a property fails; state changes are noted in a
 * column at the right.
 *
 * The diagram is laid out to fit MAX_WIDTH, the HTML column, so that the notes are never
 * scrolled out of sight: the notes column gets the width its longest note needs (within
 * bounds) and the lanes share the rest. Labels and notes wrap onto several lines and a row
 * grows to fit them; a label still too long for its arrow ends in "…" and keeps its full
 * text as a tooltip (and in the step table below the diagram). With so many lanes that even
 * the narrowest lanes do not fit, the SVG is wider than MAX_WIDTH and the page scales it
 * down to its column (see html.ts).
 */
export const MAX_WIDTH = 1200;
const MIN_LANE = 90;
const WIDE_LANE = 150;
const MAX_LANE = 280;
const LEFT = 80;
const TOP = 40;
const LINE = 14;
const MIN_ROW = 34;
const NOTE_GAP = 24;
const MIN_NOTES = 160;
const MAX_NOTES = 360;
const MARGIN = 10;
/** Average advance of a 12 px sans-serif character, for sizing lanes and columns. */
const CHAR = 6.6;
const LABEL_LINES = 3;
const TEXT_LINES = 3;
const NOTE_LINES = 4;

interface Row {
  link?: { from: string; to: string; label: string };
  /** A step that is no arrow (a protocol step, a fault), written at its actor's lane. */
  text?: { at?: string; label: string };
  notes: string[];
  violated: boolean;
}

export function sequenceSvg(trace: readonly TraceStep[], initial: Record<string, string> = {}, cycleFrom?: number): string {
  const lanes = participantsOf(trace, Object.keys(initial));
  const rows = rowsOf(trace, initial);
  const longestNote = Math.max(0, ...rows.flatMap((row) => row.notes.map((note) => note.length)));
  const notesWidth = longestNote === 0 ? 0 : Math.min(MAX_NOTES, Math.max(MIN_NOTES, Math.ceil(longestNote * CHAR)));
  const longestArrow = Math.max(0, ...rows.map((row) => (row.link ? row.link.label.length : 0)));
  const wanted = Math.min(MAX_LANE, Math.max(WIDE_LANE, Math.ceil(longestArrow * CHAR + 24)));
  const room = lanes.length > 1 ? Math.floor((MAX_WIDTH - LEFT - NOTE_GAP - notesWidth - MARGIN) / (lanes.length - 1)) : wanted;
  const lane = Math.max(MIN_LANE, Math.min(wanted, room));
  const x = (name: string): number => LEFT + Math.max(0, lanes.indexOf(name)) * lane;
  const lastLane = LEFT + lane * (lanes.length - 1);
  const notesX = lastLane + NOTE_GAP;
  const width = notesWidth ? notesX + notesWidth + MARGIN : lastLane + LEFT;

  const body: string[] = [];
  let top = TOP;
  let cycleTop: number | undefined;
  rows.forEach((row, index) => {
    if (index === cycleFrom) cycleTop = top;
    const noteLines = row.notes.map((note) => wrapText(note, notesWidth / CHAR, NOTE_LINES));
    const drawn: string[] = [];
    let height: number;
    let numberY: number;
    if (row.link) {
      const { from, to, label } = row.link;
      const lines = wrapText(label, (Math.abs(x(to) - x(from)) - 12) / CHAR, LABEL_LINES);
      const arrowY = top + lines.length * LINE + 6;
      drawn.push(`<line x1="${x(from)}" y1="${arrowY}" x2="${x(to)}" y2="${arrowY}" stroke="#036" stroke-width="1.5" marker-end="url(#arrow)"/>`);
      drawn.push(textLines((x(from) + x(to)) / 2, top + LINE - 2, lines, ' text-anchor="middle"', label));
      height = lines.length * LINE + 18;
      numberY = arrowY + 4;
    } else {
      const { at, label } = row.text!;
      const right = (notesWidth ? notesX - 12 : width - MARGIN) - (at ? x(at) + 6 : LEFT);
      const left = at ? x(at) - 6 - 30 : 0;
      const [textX, anchor, room] = right >= left ? [at ? x(at) + 6 : LEFT, "", right] : [x(at!) - 6, ' text-anchor="end"', left];
      const lines = wrapText(label, room / CHAR, TEXT_LINES);
      drawn.push(textLines(textX, top + LINE, lines, anchor, label));
      height = lines.length * LINE + 14;
      numberY = top + LINE;
    }
    let noteY = top + LINE;
    for (const lines of noteLines) {
      drawn.push(textLines(notesX, noteY, lines, ` fill="${row.violated ? "#b00" : "#333"}"`, row.notes[noteLines.indexOf(lines)]));
      noteY += lines.length * LINE;
    }
    height = Math.max(MIN_ROW, height, noteY - top + 6);
    if (row.violated) body.push(`<rect x="0" y="${top}" width="${width}" height="${height}" fill="#fde2e2"/>`);
    body.push(`<text x="8" y="${numberY}" fill="#555">${index + 1}</text>`, ...drawn);
    top += height;
  });
  // A lasso's cycle: a dashed frame around its steps, labelled; a deadlock: a line after the last step.
  if (cycleTop !== undefined) {
    body.push(`<rect x="2" y="${cycleTop}" width="${width - 4}" height="${top - cycleTop}" fill="none" stroke="#a60" stroke-width="1.5" stroke-dasharray="6 3"/>`);
    body.push(`<text x="${width - 6}" y="${cycleTop + LINE}" text-anchor="end" fill="#a60">cycle: repeats for ever</text>`);
  } else if (cycleFrom !== undefined && cycleFrom === rows.length) {
    body.push(`<text x="8" y="${top + LINE}" fill="#a60">deadlock: no action is enabled, the run stops here</text>`);
    top += LINE + 6;
  }
  const height = top + 20;

  const parts: string[] = [];
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="counterexample sequence diagram" font-family="sans-serif" font-size="12">`);
  parts.push('<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z"/></marker></defs>');
  for (const name of lanes) {
    parts.push(`<text x="${x(name)}" y="20" text-anchor="middle" font-weight="bold">${htmlText(name)}</text>`);
    parts.push(`<line x1="${x(name)}" y1="28" x2="${x(name)}" y2="${height - 10}" stroke="#999" stroke-dasharray="4 3"/>`);
  }
  parts.push(...body, "</svg>");
  return parts.join("\n");
}

/** One <text> of wrapped lines, each a <tspan>; `title` (a tooltip) when the lines may have cut it. */
function textLines(x: number, y: number, lines: readonly string[], attributes: string, title?: string): string {
  const spans = lines.map((line, index) => `<tspan x="${x}" y="${y + index * LINE}">${htmlText(line)}</tspan>`).join("");
  return `<text x="${x}" y="${y}"${attributes}>${title === undefined ? "" : `<title>${htmlText(title)}</title>`}${spans}</text>`;
}

function rowsOf(trace: readonly TraceStep[], initial: Record<string, string>): Row[] {
  const changes = stateChanges(trace, initial);
  return trace.map((entry, index) => {
    const link = stepArrow(entry.step, "deliver");
    const notes = changes[index]!.map(([name, summary]) => `${name}: ${summary}`);
    if (entry.violated.length) notes.push(`${entry.violated.join(", ")} violated`);
    const row: Row = { notes, violated: entry.violated.length > 0 };
    if (link && link.from !== link.to) row.link = link;
    else row.text = { at: actorOf(entry.step), label: protocolStepLabel(entry.step) ?? entry.description };
    return row;
  });
}
