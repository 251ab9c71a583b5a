import { explore, type Result } from "../explorer/index.ts";
import { buildPbftN4F1, compileSpinOracle, hasSpinAndGcc, pbftN4F1Model, type SpinFigures } from "../models/bench/pbft_n4f1/index.ts";
import type { BenchSuite } from "./suite.ts";

/**
 * Rounds of (ours, SPIN), interleaved so that both see the same machine load; the best round
 * of each is reported (the first also warms V8 up).
 */
const ROUNDS = 3;

/**
 * The shared oracle benchmark (models/bench/pbft_n4f1/SPEC.md): our BFS over the whole space
 * (invariants checked, as SPIN checks its assertions) against SPIN's compiled `pan` in the
 * same run on the same machine. The counts must be equal, so states/s compare directly.
 */
export const pbftOracleSuite: BenchSuite = {
  name: "pbft-oracle",
  async run(log) {
    const system = buildPbftN4F1(pbftN4F1Model.config);
    const spin = hasSpinAndGcc() ? compileSpinOracle() : undefined;
    if (spin === undefined) log("spin or gcc not found: SPIN comparison skipped");
    else log(`SPIN: pan compiled in ${spin.compileSeconds.toFixed(2)} s`);
    let ours: Result | undefined;
    let theirs: SpinFigures | undefined;
    try {
      for (let round = 1; round <= ROUNDS; round++) {
        const result = await explore(system, { model: pbftN4F1Model.name });
        log(`round ${round}, ours: ${result.distinctStates} states, ${result.transitions} transitions in ${result.seconds.toFixed(2)} s`);
        expectOracleCounts(result);
        if (ours === undefined || result.seconds < ours.seconds) ours = result;
        if (spin === undefined) continue;
        const figures = spin.search();
        log(`round ${round}, SPIN: ${figures.stored} stored, ${figures.transitions} transitions in ${figures.searchSeconds.toFixed(2)} s`);
        expectSpinAgrees(figures, result);
        if (theirs === undefined || figures.searchSeconds < theirs.searchSeconds) theirs = figures;
      }
    } finally {
      spin?.dispose();
    }
    const oursFigures = {
      states: ours!.distinctStates,
      transitions: ours!.transitions,
      maxDepth: ours!.maxDepth,
      seconds: round3(ours!.seconds),
      statesPerSecond: Math.round(ours!.statesPerSecond),
      bytesPerStoredState: round3(ours!.bytesPerState ?? 0),
      rounds: ROUNDS,
    };
    if (spin === undefined || theirs === undefined) return { ours: oursFigures, spin: "not installed" };
    const spinStatesPerSecond = theirs.stored / theirs.searchSeconds;
    return {
      ours: oursFigures,
      spin: {
        states: theirs.stored,
        transitions: theirs.transitions,
        searchSeconds: round3(theirs.searchSeconds),
        compileSeconds: round3(spin.compileSeconds),
        statesPerSecond: Math.round(spinStatesPerSecond),
      },
      oursOverSpinStatesPerSecond: round3(oursFigures.statesPerSecond / spinStatesPerSecond),
    };
  },
};

function expectOracleCounts(result: Result): void {
  const { expected } = pbftN4F1Model;
  if (result.result !== "pass" || result.distinctStates !== expected.distinctStates || result.transitions !== expected.transitions) {
    throw new Error(`pbft-oracle: our explorer found ${result.distinctStates} states / ${result.transitions} transitions (${result.result}); SPEC.md §7.1 says 1140625 / 7933500`);
  }
}

/** SPIN's transition count includes one for the initial state (SPEC.md §7.1). */
function expectSpinAgrees(spin: SpinFigures, ours: Result): void {
  if (spin.stored !== ours.distinctStates || spin.transitions !== ours.transitions + 1 || spin.depthReached !== ours.maxDepth || spin.errors !== 0) {
    throw new Error(`pbft-oracle: SPIN stored ${spin.stored} states / ${spin.transitions} transitions, ours ${ours.distinctStates} / ${ours.transitions} (+1)`);
  }
}

function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}
