import type { Estimate } from "./wilson.ts";

/** Where a formula's value lies against the process it is held to. */
export type BandVerdict = "within" | "below" | "above";

/** The band's half-width in standard errors: a formula 4σ off is no sampling accident (p ≈ 6e-5). */
export const BAND_SIGMAS = 4;

/**
 * Below this many expected successes a simulation's normal band says little (a handful of
 * successes, or none), so the process's exact value (race-dp.ts) is the reference instead: at
 * 10^6 runs, for success below 1e-4.
 */
export const MIN_EXPECTED_SUCCESSES = 100;

/** What a formula is held against: the simulated band, the exact programme where the simulation sees too little, or certainty. */
export type Reference = "simulation" | "dp" | "certain";

/** The band a value must lie in to agree with a process, and which reference gave it. */
export interface Band {
  reference: Reference;
  low: number;
  high: number;
}

/**
 * The band of a process simulated as `simulated` (absent where no simulation runs: q ≥ 1/2,
 * certain success) whose exact value is `exact`: the estimate ± 4 standard errors, or the exact
 * value itself (to floating point) where too few successes are expected.
 */
export function bandOf(exact: number, simulated: Estimate | undefined): Band {
  if (simulated === undefined) return { reference: "certain", low: exact, high: exact };
  if (simulated.runs * exact < MIN_EXPECTED_SUCCESSES) {
    const slack = 1e-12 * exact;
    return { reference: "dp", low: exact - slack, high: exact + slack };
  }
  const p = simulated.estimate;
  const sigma = Math.sqrt((p * (1 - p)) / simulated.runs);
  return { reference: "simulation", low: p - BAND_SIGMAS * sigma, high: p + BAND_SIGMAS * sigma };
}

export function verdictIn(value: number, band: Band): BandVerdict {
  return value < band.low ? "below" : value > band.high ? "above" : "within";
}
