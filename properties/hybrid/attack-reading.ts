/**
 * What counts as a successful double spend once the merchant has accepted: "catch-up", the
 * attacker's branch as long as the honest chain (a tie wins: Nakamoto's q_z, Bitcoin §11, and
 * Rosenfeld 2014), or "overtake", strictly longer (a tie is not yet a win, as under Bitcoin's
 * first-seen fork choice).
 */
export type AttackReading = "overtake" | "catch-up";

/** The lead over the honest chain the attacker needs under `reading`. */
export function leadOf(reading: AttackReading): number {
  return reading === "overtake" ? 1 : 0;
}
