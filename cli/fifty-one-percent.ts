import type { Profile } from "../models/index.ts";
import { runtimeRaceCells } from "../models/hybrid/runtime-race-cells.ts";
import { fiftyOnePercentTable, type FiftyOnePercentReport } from "../properties/hybrid/fifty-one-percent.ts";
import { fiftyOnePercentMarkdown, fiftyOnePercentSvg } from "../reporting/index.ts";
import { recordFolderFile } from "./write-reports.ts";

/** The seed of the 51 % report's simulations, printed in the report. */
export const FIFTY_ONE_PERCENT_SEED = 20_261_201;

/**
 * Runs per cell and process, by profile. The catalogue (A48) asks 10^6; the full profile
 * (`npm start`) takes what fits in about 30 s on two cores (80,000 × 3 processes × 99 cells,
 * measured), the quick profile (every `check --all`, the manifest test's too) a tenth of it.
 * The runtime's walks cost far more per run: a few cells, fewer runs.
 */
export const FIFTY_ONE_PERCENT_RUNS: Readonly<Record<Profile, { cell: number; runtime: number }>> = {
  quick: { cell: 8_000, runtime: 200 },
  full: { cell: 80_000, runtime: 1_000 },
};

/** reports/fifty-one-percent.{md,json,svg}, each written atomically: a run cut short leaves the previous set or the new one per file. */
export async function writeFiftyOnePercent(folder: string, profile: Profile): Promise<FiftyOnePercentReport> {
  const runs = FIFTY_ONE_PERCENT_RUNS[profile];
  const report: FiftyOnePercentReport = {
    ...fiftyOnePercentTable({ runs: runs.cell, seed: FIFTY_ONE_PERCENT_SEED }),
    profile,
    onRuntime: runtimeRaceCells({ runs: runs.runtime, seed: FIFTY_ONE_PERCENT_SEED }),
  };
  await recordFolderFile(folder, "fifty-one-percent.json", `${JSON.stringify(report, null, 2)}\n`);
  await recordFolderFile(folder, "fifty-one-percent.svg", fiftyOnePercentSvg(report));
  await recordFolderFile(folder, "fifty-one-percent.md", fiftyOnePercentMarkdown(report));
  return report;
}
