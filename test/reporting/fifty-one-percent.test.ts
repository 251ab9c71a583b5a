import { describe, expect, it } from "vitest";
import { fiftyOnePercentTable, type FiftyOnePercentReport } from "../../properties/hybrid/fifty-one-percent.ts";
import { fiftyOnePercentMarkdown, fiftyOnePercentSvg } from "../../reporting/index.ts";
import { PLOTTED_SHARES } from "../../reporting/fifty-one-percent-svg.ts";
import { formatProbability } from "../../reporting/probability.ts";

/** reports/fifty-one-percent.md and .svg, rendered from a small table (the numbers are the table's; the tests here are about the rendering). */
const report: FiftyOnePercentReport = {
  ...fiftyOnePercentTable({ runs: 1000, seed: 23 }),
  profile: "quick",
  onRuntime: [{ q: 0.25, z: 1, attackerUnits: 5, hashUnits: 20, giveUpBehind: 30, seed: 23, estimate: { estimate: 0.51, low: 0.48, high: 0.54, runs: 1000 }, rosenfeld: 0.5, rosenfeldAgainstRuntime: "within" }],
};

describe("reports/fifty-one-percent.md", () => {
  const markdown = fiftyOnePercentMarkdown(report);

  it("states the seed and the runs, one row per cell, and the runtime's cross-check with its runs", () => {
    expect(markdown).toMatch(/^# The 51 % analysis/);
    expect(markdown).toContain("Seed 23, 1,000 simulated runs per cell and process (profile quick;");
    const rows = markdown.split("\n").filter((line) => /^\| 0\.\d\d \| \d+ \| /.test(line));
    // The 121 cells of the table, and the runtime's one row.
    expect(rows).toHaveLength(121 + 1);
    for (const row of rows) expect(row.split(" | ").length, row).toBeGreaterThanOrEqual(8);
    expect(markdown).toContain("| 0.25 | 1 | 5/20 | 1,000 | 23 | 0.5100 [0.4800, 0.5400] | 0.5000 | within (4σ) |");
  });

  it("q ≥ 1/2 prints 1 and says why no simulation runs; the seed's formula above 1 is flagged", () => {
    expect(markdown).toMatch(/\| 0\.50 \| 3 \| 1 \| 1 \| 1 \| 1 \| — \(certain: 1\) \|/);
    expect(markdown).toMatch(/\| 0\.55 \| 2 \| 1\.494 \*\*outside \[0,1\]\*\* \|/);
    expect(markdown).toContain("no simulation runs there");
  });

  it("the flags are the table's: below the race where the table says so, marked by their reference", () => {
    const cell = report.cells.find((each) => each.q === 0.1 && each.z === 1)!;
    expect(cell.againstRace.verdict).toBe("below");
    expect(markdown).toMatch(/\| 0\.10 \| 1 \| 0\.1111 \|.*\| \*\*below\*\* \(4σ\) \| within \(4σ\) \|$/m);
    const deep = report.cells.find((each) => each.q === 0.05 && each.z === 8)!;
    expect(deep.againstRace.band.reference).toBe("dp");
    expect(markdown).toMatch(/\| 0\.05 \| 8 \|.*\| \*\*below\*\* \(DP\) \| within \(DP\) \|$/m);
  });

  it("counts where Nakamoto's formula lies below Rosenfeld's from the table, not from a constant", () => {
    const racing = report.cells.filter((cell) => cell.q < 0.5 && cell.z > 0);
    const below = racing.filter((cell) => cell.nakamoto < cell.rosenfeld).length;
    expect(below).toBeGreaterThan(0);
    expect(below).toBeLessThan(racing.length);
    expect(markdown).toContain(`below Rosenfeld in ${below} of ${racing.length} cells`);
  });

  it("escapes interpolated text", () => {
    const hostile = fiftyOnePercentMarkdown({ ...report, profile: "a|b\n# c" });
    expect(hostile).toContain("profile a\\|b");
    expect(hostile).not.toMatch(/^# c/m);
  });

  it("prints probabilities as 1 exactly, four digits, or scientific below 1e-3", () => {
    expect([formatProbability(1), formatProbability(0), formatProbability(0.43200000000000016), formatProbability(7.86e-6)]).toEqual(["1", "0", "0.4320", "7.860e-6"]);
  });
});

describe("reports/fifty-one-percent.svg", () => {
  const svg = fiftyOnePercentSvg(report);

  it("one dashed seed line and one solid Rosenfeld line per plotted q, a point per simulated estimate above 0", () => {
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(svg.trimEnd()).toMatch(/<\/svg>$/);
    const polylines = svg.match(/<polyline [^>]*\/>/g) ?? [];
    expect(polylines).toHaveLength(2 * PLOTTED_SHARES.length);
    expect(polylines.filter((line) => line.includes("stroke-dasharray"))).toHaveLength(PLOTTED_SHARES.length);
    const plotted = report.cells.filter((cell) => PLOTTED_SHARES.some((q) => Math.abs(cell.q - q) < 1e-9) && (cell.simulated?.catchUp.estimate ?? 0) > 0);
    expect((svg.match(/<circle clip-path/g) ?? []).length).toBe(plotted.length);
    expect(svg).toContain(">1e-7<");
    for (const q of PLOTTED_SHARES) expect(svg).toContain(`q = ${q.toFixed(2)}`);
  });

  it("a q the table lacks draws no line, and a point only where the estimate is above 0", () => {
    const partial = fiftyOnePercentSvg({ ...report, cells: report.cells.filter((cell) => cell.q !== 0.1) });
    expect((partial.match(/<polyline /g) ?? []).length).toBe(2 * (PLOTTED_SHARES.length - 1));
    expect(partial).not.toContain("q = 0.10");
  });

  it("escapes interpolated text", () => {
    const hostile = fiftyOnePercentSvg({ ...report, profile: "<script>&" });
    expect(hostile).toContain("profile &lt;script&gt;&amp;");
    expect(hostile).not.toContain("<script>");
  });
});
