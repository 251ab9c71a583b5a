import { seededPrng } from "../../explorer/prng.ts";
import { runtimeSystem } from "../../impl/runtime/index.ts";
import { checkedRuns } from "../../properties/hybrid/race-parameters.ts";
import { wilson95, type Estimate } from "../../properties/hybrid/wilson.ts";
import { powRaceConfigSchema, powRaceProtocol, type PowRaceConfig } from "./pow-race-protocol.ts";

/** A walk that has not ended in this many steps is a bug in the race, not a long race. */
const STEP_LIMIT = 1_000_000;

/**
 * The success of the double spend estimated on the actor runtime: `runs` seeded random walks of
 * the PoW race (pow-race-protocol.ts), each to its end (no enabled action), each step chosen as
 * the random-walk strategy chooses (explorer/strategies/random-walk.ts: uniformly among the
 * enabled actions, from the one seeded generator). The runtime's own `simulate` reports a
 * verdict, not a count, so the walks are driven here over the same TransitionSystem; a run
 * counts as a success when the race's `sometimes` property "the payment reversed" (the ghost
 * history) holds at its end. Returns the estimate with its 95 % Wilson interval.
 */
export function simulatePowRace(config: PowRaceConfig, options: { runs: number; seed: number }): Estimate {
  const checked = powRaceConfigSchema.parse(config);
  const runs = checkedRuns(options.runs);
  const system = runtimeSystem(powRaceProtocol, checked);
  const reversed = system.sometimes!.find((property) => property.name === "the payment reversed")!;
  const random = seededPrng(options.seed);
  const initials = system.initial();
  let successes = 0;
  for (let run = 0; run < runs; run++) {
    let state = initials[random.below(initials.length)]!;
    for (let steps = 0; ; steps++) {
      const actions = system.actions(state);
      if (actions.length === 0) break;
      if (steps >= STEP_LIMIT) throw new Error(`the PoW race did not end within ${STEP_LIMIT} steps`);
      state = system.step(state, actions[random.below(actions.length)]!);
    }
    if (reversed.holds(state)) successes++;
  }
  return wilson95(successes, runs);
}
