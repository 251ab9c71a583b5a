import { nakamotoSuccess, rosenfeldSuccess, seedFormulaAsWritten, simulateDoubleSpend, DEFAULT_GIVE_UP_BEHIND } from "./double-spend.ts";
import { exactDoubleSpend, exactFromBehind } from "./race-dp.ts";
import { simulateFromBehind } from "./race-from-behind.ts";
import { checkedRuns } from "./race-parameters.ts";
import { bandOf, verdictIn, type Band, type BandVerdict } from "./seed-band.ts";
import type { Estimate } from "./wilson.ts";

/**
 * The 51 % analysis of seed §7.1 (Theorem 7.1, catalogue A48, issue [07]): on a grid of the
 * attacker's share q and the merchant's confirmations z, the seed's formula beside Nakamoto's and
 * Rosenfeld's, the exact programme and seeded simulations of the three processes — the double
 * spend race (ii) under the catch-up and overtake readings, and the seed's reading (i), started
 * z behind — and where the seed's formula falls outside the band of the process it is assigned
 * to. Pure data: reporting/fifty-one-percent.ts renders it.
 */
export const GRID_SHARES: readonly number[] = Array.from({ length: 11 }, (_, i) => (5 * (i + 1)) / 100);
export const GRID_DEPTHS: readonly number[] = Array.from({ length: 11 }, (_, z) => z);

export interface FiftyOnePercentCell {
  q: number;
  z: number;
  /** The seed's (q/(1−q))^z as written: above 1 for q > 1/2. */
  seedFormula: number;
  nakamoto: number;
  rosenfeld: number;
  /** The programme (race-dp.ts), unbounded race: exact to floating point. */
  exact: { catchUp: number; overtake: number; fromBehind: number };
  /** Absent for q ≥ 1/2, where every reading gives certain success and no simulation runs. */
  simulated?: { catchUp: Estimate; overtake: Estimate; fromBehind: Estimate };
  /** The seed's formula against the race (ii), catch-up reading: the process Theorem 7.1 claims to give. */
  againstRace: { band: Band; verdict: BandVerdict };
  /** The seed's formula against its own reading (i). */
  againstFromBehind: { band: Band; verdict: BandVerdict };
  /** The formula as written leaves [0, 1]: no probability. */
  outsideUnitInterval: boolean;
}

export interface FiftyOnePercentTable {
  /** The seed every cell's simulations derive theirs from. */
  seed: number;
  /** Simulated runs per cell and reading. */
  runs: number;
  /** The simulations' attacker gives up this far behind (the programme's race has no floor). */
  giveUpBehind: number;
  cells: FiftyOnePercentCell[];
}

/** The seed of one cell's simulation of one process: distinct per cell and process (seededPrng decorrelates neighbours). */
function seedOf(base: number, cell: number, process: number): number {
  return (base + 3 * cell + process) % 2 ** 32;
}

/** The table's cells one at a time, so that a caller may yield between them (a full profile's table takes ~30 s). */
export function* fiftyOnePercentCells(options: { runs: number; seed: number }): Generator<FiftyOnePercentCell> {
  const runs = checkedRuns(options.runs);
  const { seed } = options;
  let at = 0;
  for (const q of GRID_SHARES) {
    for (const z of GRID_DEPTHS) {
      yield cellOf(q, z, runs, (process) => seedOf(seed, at, process));
      at++;
    }
  }
}

export function fiftyOnePercentTable(options: { runs: number; seed: number }): FiftyOnePercentTable {
  return tableOf(options, [...fiftyOnePercentCells(options)]);
}

/** The table of `cells`, computed by fiftyOnePercentCells(options). */
export function tableOf(options: { runs: number; seed: number }, cells: FiftyOnePercentCell[]): FiftyOnePercentTable {
  return { seed: options.seed, runs: options.runs, giveUpBehind: DEFAULT_GIVE_UP_BEHIND, cells };
}

function cellOf(q: number, z: number, runs: number, seedFor: (process: number) => number): FiftyOnePercentCell {
  const exact = { catchUp: exactDoubleSpend(q, z, "catch-up"), overtake: exactDoubleSpend(q, z, "overtake"), fromBehind: exactFromBehind(q, z) };
  const simulated =
    q < 1 / 2
      ? {
          catchUp: simulateDoubleSpend(q, z, { runs, seed: seedFor(0), reading: "catch-up" }),
          overtake: simulateDoubleSpend(q, z, { runs, seed: seedFor(1), reading: "overtake" }),
          fromBehind: simulateFromBehind(q, z, { runs, seed: seedFor(2) }),
        }
      : undefined;
  const seedFormula = seedFormulaAsWritten(q, z);
  const raceBand = bandOf(exact.catchUp, simulated?.catchUp);
  const behindBand = bandOf(exact.fromBehind, simulated?.fromBehind);
  return {
    q,
    z,
    seedFormula,
    nakamoto: nakamotoSuccess(q, z),
    rosenfeld: rosenfeldSuccess(q, z),
    exact,
    ...(simulated === undefined ? {} : { simulated }),
    againstRace: { band: raceBand, verdict: verdictIn(seedFormula, raceBand) },
    againstFromBehind: { band: behindBand, verdict: verdictIn(seedFormula, behindBand) },
    outsideUnitInterval: !(seedFormula >= 0 && seedFormula <= 1),
  };
}

/** One cell of the race run as a protocol on the actor runtime (models/hybrid/pow-race-protocol.ts): a cross-check of the idealised simulation. */
export interface RuntimeRaceCell {
  q: number;
  z: number;
  /** The attacker's units of `hashUnits`: q = attackerUnits / hashUnits. */
  attackerUnits: number;
  hashUnits: number;
  giveUpBehind: number;
  seed: number;
  estimate: Estimate;
  /** Rosenfeld's value, which the catch-up race on the runtime should support. */
  rosenfeld: number;
  /** Rosenfeld's value against the runtime's band (estimate ± 4σ), as the table holds the seed's formula. */
  rosenfeldAgainstRuntime: BandVerdict;
}

/** What reports/fifty-one-percent.{md,json,svg} are rendered from. */
export interface FiftyOnePercentReport extends FiftyOnePercentTable {
  /** The profile of the `check --all` run that computed it (it sets `runs`). */
  profile: string;
  onRuntime: RuntimeRaceCell[];
}
