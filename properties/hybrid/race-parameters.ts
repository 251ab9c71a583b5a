/**
 * The parameters every double-spend race takes (seed §7.1, catalogue A48): the attacker's share q
 * of the hash power, 0 ≤ q ≤ 1, and z, the whole number of confirmations the merchant waits for.
 * Checked once here, so that the formulas, the dynamic programme and the simulations refuse the
 * same inputs with the same words.
 */
export function checkedRace(q: number, z: number): { q: number; p: number; z: number } {
  if (!(q >= 0 && q <= 1)) throw new RangeError(`q must be a hash-power share from 0 to 1, got ${q}`);
  if (!Number.isInteger(z) || z < 0) throw new RangeError(`z must be a whole number of confirmations ≥ 0, got ${z}`);
  return { q, p: 1 - q, z };
}

/** A run count for a simulation: a whole number ≥ 1. */
export function checkedRuns(runs: number): number {
  if (!Number.isInteger(runs) || runs < 1) throw new RangeError(`runs must be a whole number ≥ 1, got ${runs}`);
  return runs;
}

/** How far behind a simulated attacker gives up: a whole number ≥ 1. */
export function checkedGiveUp(giveUpBehind: number): number {
  if (!Number.isInteger(giveUpBehind) || giveUpBehind < 1) throw new RangeError(`giveUpBehind must be a whole number ≥ 1, got ${giveUpBehind}`);
  return giveUpBehind;
}

/**
 * The simulations take q < 1/2 only. At q ≥ 1/2 success is certain (the walk has no drift
 * against the attacker), but a drift-free walk's time to lead is unbounded in expectation: no
 * bounded simulation can show it, so none is run.
 */
export function refuseCertainSuccess<T extends { q: number; p: number }>(race: T): T {
  if (race.q >= race.p) throw new RangeError(`the simulation takes q < 1/2; at q = ${race.q} every reading gives certain success (1)`);
  return race;
}
