import type { FiftyOnePercentCell, FiftyOnePercentReport } from "../properties/hybrid/fifty-one-percent.ts";
import { xmlText } from "./escape/xml.ts";
import { formatCount } from "./figures.ts";

/**
 * reports/fifty-one-percent.svg: success against z on a log scale, one colour per q — the seed's
 * (q/p)^z dashed, Rosenfeld's exact race solid, the simulated catch-up race as points with their
 * 95 % intervals — so that the gap between the seed's reading and the race shows at a glance.
 * Hand-written SVG (no dependency); every interpolated text is escaped.
 */
export const PLOTTED_SHARES: readonly number[] = [0.1, 0.2, 0.3, 0.4, 0.45];
const COLOURS = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd"];
const WIDTH = 760;
const HEIGHT = 500;
const LEFT = 70;
const RIGHT = 210;
const TOP = 50;
const BOTTOM = 60;
/** The y axis: 1e-7 … 1. */
const LOWEST_DECADE = -7;

export function fiftyOnePercentSvg(report: FiftyOnePercentReport): string {
  const depths = [...new Set(report.cells.map((cell) => cell.z))].sort((a, b) => a - b);
  const maxZ = depths.at(-1) ?? 1;
  const plotWidth = WIDTH - LEFT - RIGHT;
  const plotHeight = HEIGHT - TOP - BOTTOM;
  const x = (z: number): number => LEFT + (z / maxZ) * plotWidth;
  const y = (probability: number): number => TOP + (-Math.log10(Math.max(probability, 1e-300)) / -LOWEST_DECADE) * plotHeight;
  const at = (value: number): string => value.toFixed(1);
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="sans-serif" font-size="12">`,
    `<title>${xmlText(`Double-spend success against confirmations z (seed ${report.seed}, ${formatCount(report.runs)} runs per cell, profile ${report.profile})`)}</title>`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="white"/>`,
    `<defs><clipPath id="plot"><rect x="${LEFT}" y="${TOP}" width="${plotWidth}" height="${plotHeight}"/></clipPath></defs>`,
    `<text x="${LEFT}" y="24" font-size="14" font-weight="bold">${xmlText("P(double spend succeeds) against confirmations z")}</text>`,
  ];
  // Axes, decades and confirmations.
  for (let decade = 0; decade >= LOWEST_DECADE; decade--) {
    const level = y(10 ** decade);
    out.push(`<line x1="${LEFT}" y1="${at(level)}" x2="${LEFT + plotWidth}" y2="${at(level)}" stroke="#ddd"/>`, `<text x="${LEFT - 8}" y="${at(level + 4)}" text-anchor="end">${xmlText(decade === 0 ? "1" : `1e${decade}`)}</text>`);
  }
  for (const z of depths) out.push(`<text x="${at(x(z))}" y="${TOP + plotHeight + 18}" text-anchor="middle">${z}</text>`);
  out.push(
    `<rect x="${LEFT}" y="${TOP}" width="${plotWidth}" height="${plotHeight}" fill="none" stroke="#333"/>`,
    `<text x="${LEFT + plotWidth / 2}" y="${HEIGHT - 18}" text-anchor="middle">${xmlText("z (confirmations)")}</text>`,
    `<text x="18" y="${TOP + plotHeight / 2}" text-anchor="middle" transform="rotate(-90 18 ${TOP + plotHeight / 2})">${xmlText("success probability (log scale)")}</text>`,
  );
  const legend: string[] = [];
  PLOTTED_SHARES.forEach((q, index) => {
    const cells = report.cells.filter((cell) => Math.abs(cell.q - q) < 1e-9).sort((a, b) => a.z - b.z);
    if (cells.length === 0) return;
    const colour = COLOURS[index % COLOURS.length]!;
    const line = (value: (cell: FiftyOnePercentCell) => number, dash: string): string =>
      `<polyline clip-path="url(#plot)" fill="none" stroke="${colour}" stroke-width="1.6"${dash} points="${cells.map((cell) => `${at(x(cell.z))},${at(y(value(cell)))}`).join(" ")}"/>`;
    out.push(line((cell) => cell.seedFormula, ` stroke-dasharray="6 4"`), line((cell) => cell.rosenfeld, ""));
    for (const cell of cells) {
      const simulated = cell.simulated?.catchUp;
      if (simulated === undefined) continue;
      const centre = at(x(cell.z));
      out.push(`<line clip-path="url(#plot)" x1="${centre}" y1="${at(y(simulated.low))}" x2="${centre}" y2="${at(y(simulated.high))}" stroke="${colour}" stroke-width="1"/>`);
      if (simulated.estimate > 0) out.push(`<circle clip-path="url(#plot)" cx="${centre}" cy="${at(y(simulated.estimate))}" r="2.8" fill="${colour}"/>`);
    }
    const row = TOP + 10 + index * 20;
    legend.push(`<line x1="${LEFT + plotWidth + 16}" y1="${row}" x2="${LEFT + plotWidth + 46}" y2="${row}" stroke="${colour}" stroke-width="2"/>`, `<text x="${LEFT + plotWidth + 52}" y="${row + 4}">${xmlText(`q = ${q.toFixed(2)}`)}</text>`);
  });
  const keyRow = TOP + 10 + PLOTTED_SHARES.length * 20 + 16;
  legend.push(
    `<line x1="${LEFT + plotWidth + 16}" y1="${keyRow}" x2="${LEFT + plotWidth + 46}" y2="${keyRow}" stroke="#333" stroke-dasharray="6 4"/>`,
    `<text x="${LEFT + plotWidth + 52}" y="${keyRow + 4}">${xmlText("seed (q/p)^z")}</text>`,
    `<line x1="${LEFT + plotWidth + 16}" y1="${keyRow + 20}" x2="${LEFT + plotWidth + 46}" y2="${keyRow + 20}" stroke="#333"/>`,
    `<text x="${LEFT + plotWidth + 52}" y="${keyRow + 24}">${xmlText("Rosenfeld (exact)")}</text>`,
    `<circle cx="${LEFT + plotWidth + 31}" cy="${keyRow + 40}" r="2.8" fill="#333"/>`,
    `<text x="${LEFT + plotWidth + 52}" y="${keyRow + 44}">${xmlText("simulated, 95 % CI")}</text>`,
    `<text x="${LEFT + plotWidth + 16}" y="${keyRow + 70}" font-size="10">${xmlText(`seed ${report.seed}`)}</text>`,
    `<text x="${LEFT + plotWidth + 16}" y="${keyRow + 84}" font-size="10">${xmlText(`${formatCount(report.runs)} runs per cell`)}</text>`,
  );
  out.push(...legend, "</svg>", "");
  return out.join("\n");
}

