import type { RuntimeRaceCell } from "../../properties/hybrid/fifty-one-percent.ts";
import { rosenfeldSuccess } from "../../properties/hybrid/double-spend.ts";
import { bandOf, verdictIn } from "../../properties/hybrid/seed-band.ts";
import { simulatePowRace } from "./simulate-pow-race.ts";

/** The cells the report checks on the runtime: a few, since a walk there costs ~0.4 ms against the idealised race's microseconds. */
export const RUNTIME_CELLS: readonly { attackerUnits: number; confirmations: number }[] = [
  { attackerUnits: 2, confirmations: 1 },
  { attackerUnits: 5, confirmations: 1 },
  { attackerUnits: 6, confirmations: 2 },
  { attackerUnits: 8, confirmations: 3 },
];
const HASH_UNITS = 20;
/** The floor moves the exact value by under 2e-4 in these cells (race-dp.ts with a floor: 1.1e-4 at q = 0.4, z = 3, 2.5e-8 at q = 0.3, z = 2), far inside the interval; a deeper floor makes the failing walks, most of the cost, longer. */
const GIVE_UP_BEHIND = 20;

/** The catch-up race of each of RUNTIME_CELLS on the runtime, `runs` walks each, seeds derived from `seed`; one at a time, so that a caller may yield between them. */
export function* runtimeRaceCells(options: { runs: number; seed: number }): Generator<RuntimeRaceCell> {
  for (const [at, { attackerUnits, confirmations }] of RUNTIME_CELLS.entries()) {
    const seed = (options.seed + at) % 2 ** 32;
    const q = attackerUnits / HASH_UNITS;
    const estimate = simulatePowRace({ hashUnits: HASH_UNITS, attackerUnits, confirmations, reading: "catch-up", giveUpBehind: GIVE_UP_BEHIND }, { runs: options.runs, seed });
    const rosenfeld = rosenfeldSuccess(q, confirmations);
    const rosenfeldAgainstRuntime = verdictIn(rosenfeld, bandOf(rosenfeld, estimate));
    yield { q, z: confirmations, attackerUnits, hashUnits: HASH_UNITS, giveUpBehind: GIVE_UP_BEHIND, seed, estimate, rosenfeld, rosenfeldAgainstRuntime };
  }
}
