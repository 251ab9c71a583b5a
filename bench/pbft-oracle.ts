import { explore } from "../explorer/index.ts";
import { buildPbftN4F1, hasSpinAndGcc, pbftN4F1Model, runSpinOracle } from "../models/bench/pbft_n4f1/index.ts";
import type { BenchSuite } from "./suite.ts";

/** Runs of our explorer; the best is reported (the first also warms up V8). */
const RUNS = 3;

/**
 * The shared oracle benchmark (models/bench/pbft_n4f1/SPEC.md): our BFS over the whole space
 * (invariants checked, as SPIN checks its assertions) against SPIN's compiled `pan` in the
 * same run on the same machine. The counts must be equal, so states/s compare directly.
 */
export const pbftOracleSuite: BenchSuite = {
  name: "pbft-oracle",
  async run(log) {
    const system = buildPbftN4F1(pbftN4F1Model.config);
    let best: Awaited<ReturnType<typeof explore>> | undefined;
    for (let run = 1; run <= RUNS; run++) {
      const result = await explore(system, { model: pbftN4F1Model.name });
      log(`ours run ${run}: ${result.distinctStates} states, ${result.transitions} transitions in ${result.seconds.toFixed(2)} s`);
      if (result.result !== "pass" || result.distinctStates !== pbftN4F1Model.expected.distinctStates || result.transitions !== pbftN4F1Model.expected.transitions) {
        throw new Error(`pbft-oracle: our explorer found ${result.distinctStates} states / ${result.transitions} transitions (${result.result}); SPEC.md §7.1 says 1140625 / 7933500`);
      }
      if (best === undefined || result.seconds < best.seconds) best = result;
    }
    const ours = {
      states: best!.distinctStates,
      transitions: best!.transitions,
      maxDepth: best!.maxDepth,
      seconds: round(best!.seconds),
      statesPerSecond: Math.round(best!.statesPerSecond),
      bytesPerStoredState: round(best!.bytesPerState ?? 0),
      runs: RUNS,
    };
    if (!hasSpinAndGcc()) {
      log("spin or gcc not found: SPIN comparison skipped");
      return { ours, spin: "not installed" };
    }
    const spin = runSpinOracle();
    log(`SPIN: ${spin.stored} stored, ${spin.transitions} transitions in ${spin.searchSeconds.toFixed(2)} s (compile ${spin.compileSeconds.toFixed(2)} s)`);
    // SPIN's transition count includes one for the initial state (SPEC.md §7.1).
    if (spin.stored !== ours.states || spin.transitions !== ours.transitions + 1 || spin.depthReached !== ours.maxDepth || spin.errors !== 0) {
      throw new Error(`pbft-oracle: SPIN stored ${spin.stored} states / ${spin.transitions} transitions, ours ${ours.states} / ${ours.transitions} (+1)`);
    }
    const spinStatesPerSecond = spin.stored / spin.searchSeconds;
    return {
      ours,
      spin: {
        states: spin.stored,
        transitions: spin.transitions,
        searchSeconds: round(spin.searchSeconds),
        compileSeconds: round(spin.compileSeconds),
        statesPerSecond: Math.round(spinStatesPerSecond),
      },
      oursOverSpinStatesPerSecond: round(ours.statesPerSecond / spinStatesPerSecond),
    };
  },
};

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
