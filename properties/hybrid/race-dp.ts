import { leadOf, type AttackReading } from "./attack-reading.ts";
import { reachProbability } from "./gamblers-ruin.ts";
import { checkedGiveUp, checkedRace } from "./race-parameters.ts";

/**
 * Exact success probabilities of the races the simulations run, by dynamic programming over the
 * random walk rather than by Monte-Carlo: exact to floating point in the deep cells (success
 * below ~1e-4) where a simulation sees too few successes to say anything.
 *
 * The double-spend race (ii), Nakamoto's Bitcoin §11: while the honest chain gains its z
 * confirmations block by block, the attacker mines m blocks (a lattice walk over (honest,
 * attacker), each block the attacker's with probability q: the negative binomial); the merchant
 * accepts at honest = z, and from there the attacker must gain z − m + lead more blocks than the
 * honest chain, the gambler's ruin. The lattice is summed row by row, so that no binomial
 * coefficient is formed; Rosenfeld's closed form (double-spend.ts) is the same sum, and the tests
 * hold one to the other to 1e-12. `giveUpBehind`: the floor the simulations give up at (none by
 * default: the unbounded race of the formulas).
 */
export function exactDoubleSpend(share: number, confirmations: number, reading: AttackReading, giveUpBehind = Number.POSITIVE_INFINITY): number {
  const { q, p, z } = checkedRace(share, confirmations);
  checkedFloor(giveUpBehind);
  const target = z + leadOf(reading);
  // Certain success: a tie at the start under catch-up, or a walk without drift against the attacker.
  if (target === 0 || (q >= p && giveUpBehind === Number.POSITIVE_INFINITY)) return 1;
  // The attacker's blocks so far, 0 … target − 1, for the current honest height; reaching
  // `target` before acceptance makes success certain (its branch stays ahead of z), so that mass
  // is absorbed in `certain`.
  let arriving = new Float64Array(target + 1);
  arriving[0] = 1;
  let certain = 0;
  for (let honest = 0; honest < z; honest++) {
    const next = new Float64Array(target + 1);
    let visiting = 0;
    for (let attacker = 0; attacker < target; attacker++) {
      // Mass at (honest, attacker): arrived from the row below, or by an attacker's block here.
      visiting = arriving[attacker]! + q * visiting;
      next[attacker] = p * visiting;
    }
    certain += q * visiting;
    arriving = next;
  }
  let success = certain;
  for (let attacker = 0; attacker < target; attacker++) {
    const behind = z - attacker;
    success += arriving[attacker]! * reachProbability(q, target - attacker, giveUpBehind - behind);
  }
  return Math.min(1, success);
}

/**
 * The seed's reading (i) of Theorem 7.1: the attacker starts z blocks behind, makes no progress
 * while the merchant waits, and races with no deadline, winning when it catches up — the
 * gambler's ruin from z behind, exactly the seed's (q/p)^z (and 1 for q ≥ 1/2).
 */
export function exactFromBehind(share: number, confirmations: number, giveUpBehind = Number.POSITIVE_INFINITY): number {
  const { q, z } = checkedRace(share, confirmations);
  return reachProbability(q, z, checkedFloor(giveUpBehind) - z);
}

/** No floor (the formulas' unbounded race), or the simulations' whole number ≥ 1. */
function checkedFloor(giveUpBehind: number): number {
  return giveUpBehind === Number.POSITIVE_INFINITY ? giveUpBehind : checkedGiveUp(giveUpBehind);
}
