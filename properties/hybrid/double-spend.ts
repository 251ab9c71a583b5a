import { seededPrng } from "../../explorer/prng.ts";
import { leadOf, type AttackReading } from "./attack-reading.ts";
import { attackerThreshold, raceFrom } from "./block-race.ts";
import { checkedGiveUp, checkedRace, checkedRuns, refuseCertainSuccess } from "./race-parameters.ts";
import { wilson95, type Estimate } from "./wilson.ts";

/**
 * The probability that an attacker with a share q of the hash power reverses a payment the
 * merchant accepted after z confirmations (seed web3-distributed-architecture §7.1, Theorem 7.1;
 * catalogue A48): the seed's formula, Nakamoto's and Rosenfeld's, and a seeded Monte-Carlo race
 * to tell them apart. Each is a pure function of (q, z); q ≥ 1/2 is certain success in all of
 * them (the attacker's chain outgrows the honest one with probability 1).
 */

/** The seed's Theorem 7.1 as written: (q/(1−q))^z, which exceeds 1 for q > 1/2 and z ≥ 1 — no probability there. */
export function seedFormulaAsWritten(share: number, confirmations: number): number {
  const { q, p, z } = checkedRace(share, confirmations);
  return (q / p) ** z;
}

/** The seed's Theorem 7.1: P = (q/(1−q))^z — the gambler's ruin from z behind, with no progress during the z confirmations; 1 for q ≥ 1/2. */
export function seedSuccess(share: number, confirmations: number): number {
  const { q, p } = checkedRace(share, confirmations);
  return q >= p ? 1 : seedFormulaAsWritten(share, confirmations);
}

/**
 * Nakamoto, "Bitcoin", 2008, §11: the attacker's progress while the honest chain gains z blocks
 * is taken as Poisson with mean λ = z·q/p, and from k blocks it catches up from z − k behind with
 * probability (q/p)^(z−k): P = 1 − Σ_{k=0}^{z} Poisson(λ, k)·(1 − (q/p)^(z−k)).
 */
export function nakamotoSuccess(share: number, confirmations: number): number {
  const { q, p, z } = checkedRace(share, confirmations);
  if (q >= p) return 1;
  const lambda = (z * q) / p;
  let poisson = Math.exp(-lambda);
  let sum = 0;
  for (let k = 0; k <= z; k++) {
    if (k > 0) poisson *= lambda / k;
    sum += poisson * (1 - (q / p) ** (z - k));
  }
  return 1 - sum;
}

/**
 * Rosenfeld, "Analysis of Hashrate-Based Double Spending", 2014: the attacker's blocks while the
 * honest chain gains n are negative-binomial (the race is block by block, not Poisson), and from
 * there it catches up as Nakamoto's q_z does: r = 1 − Σ_{m=0}^{n} C(m+n−1, m)·(p^n q^m − p^m q^n).
 * The seeded race below reproduces it under the "catch-up" reading.
 */
export function rosenfeldSuccess(share: number, confirmations: number): number {
  const { q, p, z: n } = checkedRace(share, confirmations);
  if (q >= p) return 1;
  if (n === 0) return 1;
  let binomial = 1; // C(m+n−1, m) at m = 0
  let sum = 0;
  for (let m = 0; m <= n; m++) {
    if (m > 0) binomial *= (m + n - 1) / m;
    sum += binomial * (p ** n * q ** m - p ** m * q ** n);
  }
  return 1 - sum;
}

/** How far behind a simulated attacker gives up: recovering from there has chance (q/p)^60, below 6e-6 for q ≤ 0.45. */
export const DEFAULT_GIVE_UP_BEHIND = 60;

export type { AttackReading } from "./attack-reading.ts";

/**
 * A seeded Monte-Carlo estimate of the race, block by block: each block is the attacker's with
 * probability q. The merchant accepts once the honest chain has z blocks past the payment (the
 * attacker mining its own branch from the same point); the attacker then succeeds when its branch
 * is as long as the honest one ("catch-up": Nakamoto's q_z and Rosenfeld's formula) or longer
 * ("overtake": the stricter reading, where a tie is not yet a win). A run that falls `giveUpBehind` blocks behind counts as a failure: the chance
 * of recovering from there is (q/p)^giveUpBehind, which the default makes negligible for q < 0.45.
 * Returns the estimate with its 95 % Wilson interval.
 */
export function simulateDoubleSpend(
  share: number,
  confirmations: number,
  options: { runs: number; seed: number; reading: AttackReading; giveUpBehind?: number },
): Estimate {
  const { q, z } = refuseCertainSuccess(checkedRace(share, confirmations));
  const { seed, reading } = options;
  const runs = checkedRuns(options.runs);
  const giveUpBehind = checkedGiveUp(options.giveUpBehind ?? DEFAULT_GIVE_UP_BEHIND);
  const prng = seededPrng(seed);
  const threshold = attackerThreshold(q);
  const lead = leadOf(reading);
  let successes = 0;
  for (let run = 0; run < runs; run++) {
    let honest = 0;
    let attacker = 0;
    while (honest < z) {
      if (prng.next() < threshold) attacker++;
      else honest++;
    }
    // After acceptance the race goes on until the attacker leads (or ties) or gives up.
    if (raceFrom(prng, threshold, attacker - honest, lead, giveUpBehind)) successes++;
  }
  return wilson95(successes, runs);
}
