import { yieldToEventLoop } from "../explorer/run-monitor.ts";
import type { Profile } from "../models/index.ts";
import { runtimeRaceCells } from "../models/hybrid/runtime-race-cells.ts";
import { fiftyOnePercentCells, tableOf, type FiftyOnePercentReport } from "../properties/hybrid/fifty-one-percent.ts";
import { fiftyOnePercentMarkdown, fiftyOnePercentSvg } from "../reporting/index.ts";
import { recordFolderFiles } from "./write-reports.ts";

/** The seed of the 51 % report's simulations, printed in the report. */
export const FIFTY_ONE_PERCENT_SEED = 20_261_201;

/**
 * Runs per cell and process, by profile. The catalogue (A48) asks 10^6, which would take about
 * 6 minutes of CPU. The full profile (`npm start`) takes what fits in about 30 s on two cores:
 * measured (CPU time, two loaded cores), 70,000 runs × 3 processes × 99 cells took 26–28 s and
 * the runtime's 4 × 1,000 walks 5 s, so 60,000 (about 23 s) and 1,000. The quick profile (every
 * `check --all`, the manifest test's too) runs about a tenth: 8,000 and 200, about 6 s.
 */
export const FIFTY_ONE_PERCENT_RUNS: Readonly<Record<Profile, { cell: number; runtime: number }>> = {
  quick: { cell: 8_000, runtime: 200 },
  full: { cell: 60_000, runtime: 1_000 },
};

/**
 * reports/fifty-one-percent.{md,json,svg}, written together atomically. The computation yields
 * between cells so that a signal is heard: a stopped run writes none of them (undefined), and
 * the folder keeps the last complete set.
 */
export async function writeFiftyOnePercent(folder: string, profile: Profile, signal?: AbortSignal): Promise<FiftyOnePercentReport | undefined> {
  const runs = FIFTY_ONE_PERCENT_RUNS[profile];
  const options = { runs: runs.cell, seed: FIFTY_ONE_PERCENT_SEED };
  const cells = [];
  for (const cell of fiftyOnePercentCells(options)) {
    cells.push(cell);
    await yieldToEventLoop();
    if (signal?.aborted) return undefined;
  }
  const onRuntime = [];
  for (const cell of runtimeRaceCells({ runs: runs.runtime, seed: FIFTY_ONE_PERCENT_SEED })) {
    onRuntime.push(cell);
    await yieldToEventLoop();
    if (signal?.aborted) return undefined;
  }
  const report: FiftyOnePercentReport = { ...tableOf(options, cells), profile, onRuntime };
  await recordFolderFiles(folder, [
    { name: "fifty-one-percent.json", content: `${JSON.stringify(report, null, 2)}\n` },
    { name: "fifty-one-percent.svg", content: fiftyOnePercentSvg(report) },
    { name: "fifty-one-percent.md", content: fiftyOnePercentMarkdown(report) },
  ]);
  return report;
}
