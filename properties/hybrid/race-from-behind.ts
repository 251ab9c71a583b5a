import { seededPrng } from "../../explorer/prng.ts";
import { attackerThreshold, raceFrom } from "./block-race.ts";
import { DEFAULT_GIVE_UP_BEHIND } from "./double-spend.ts";
import { checkedGiveUp, checkedRace, checkedRuns, refuseCertainSuccess } from "./race-parameters.ts";
import { wilson95, type Estimate } from "./wilson.ts";

/**
 * A seeded Monte-Carlo estimate of the seed's reading (i) of Theorem 7.1: the attacker starts z
 * blocks behind (no progress while the merchant waits) and races with no deadline, winning when
 * it catches up. The seed's (q/p)^z is exact for this process (race-dp.ts `exactFromBehind`);
 * the simulation shows it within its interval, where the double-spend race (ii) of
 * `simulateDoubleSpend` shows the formula too low. Same walk, same give-up floor.
 */
export function simulateFromBehind(share: number, confirmations: number, options: { runs: number; seed: number; giveUpBehind?: number }): Estimate {
  const { q, z } = refuseCertainSuccess(checkedRace(share, confirmations));
  const runs = checkedRuns(options.runs);
  const giveUpBehind = checkedGiveUp(options.giveUpBehind ?? DEFAULT_GIVE_UP_BEHIND);
  const prng = seededPrng(options.seed);
  const threshold = attackerThreshold(q);
  let successes = 0;
  for (let run = 0; run < runs; run++) if (raceFrom(prng, threshold, -z, 0, giveUpBehind)) successes++;
  return wilson95(successes, runs);
}
