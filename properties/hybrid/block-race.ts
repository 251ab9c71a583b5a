import type { Prng } from "../../explorer/prng.ts";

/**
 * One block of the race: the attacker's with probability q, as a threshold on the generator's
 * 32-bit outputs (a block is the attacker's when `next()` < threshold).
 */
export function attackerThreshold(q: number): number {
  return Math.round(q * 2 ** 32);
}

/**
 * The race after the merchant's acceptance, block by block: from `ahead` (attacker's branch
 * minus the honest chain) until the attacker leads by `lead` (0: catching up suffices, 1: it must
 * overtake) or falls `giveUpBehind` behind. The one walk both simulations share (the double
 * spend after z confirmations, and the seed's reading of a race started z behind).
 */
export function raceFrom(prng: Prng, threshold: number, ahead: number, lead: number, giveUpBehind: number): boolean {
  while (ahead < lead && ahead > -giveUpBehind) ahead += prng.next() < threshold ? 1 : -1;
  return ahead >= lead;
}
