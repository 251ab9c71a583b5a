import { explore, type Result } from "../explorer/index.ts";
import { buildPbftN4F1, compileSpinOracle, hasSpinAndGcc, pbftN4F1Model, pbftN4F1XstateModel, type SpinFigures } from "../models/bench/index.ts";
import { measurePbftBeforeAfter } from "./pbft-before-after.ts";
import type { BenchSuite } from "./suite.ts";

/**
 * Rounds of (hand-written, XState, SPIN), interleaved so that all three see the same machine
 * load; the best round of each is reported (the first also warms V8 up).
 */
const ROUNDS = 3;

/**
 * The shared oracle benchmark (models/bench/pbft_n4f1/SPEC.md), explored three ways in one run
 * on one machine: the hand-written model (bench/pbft_n4f1: a reducer over a 39-byte array),
 * the same model as XState machines on the actor runtime (bench/pbft_n4f1_xstate: the honest
 * measure of the XState path every protocol takes) and SPIN's compiled `pan`. The counts must
 * be equal (each round checks them), so states/s compare directly: `xstateVsHandWritten` and
 * `xstateVsSpin` are the ratios. Then pbft/n4_f1 before and after the runtime (issue [04]).
 */
export const pbftOracleSuite: BenchSuite = {
  name: "pbft-oracle",
  async run(log) {
    const handWrittenSystem = buildPbftN4F1(pbftN4F1Model.config);
    const spin = hasSpinAndGcc() ? compileSpinOracle() : undefined;
    if (spin === undefined) log("spin or gcc not found: SPIN comparison skipped");
    else log(`SPIN: pan compiled in ${spin.compileSeconds.toFixed(2)} s`);
    let handWritten: Result | undefined;
    let xstate: Result | undefined;
    let theirs: SpinFigures | undefined;
    try {
      for (let round = 1; round <= ROUNDS; round++) {
        const ours = await explore(handWrittenSystem, { model: pbftN4F1Model.name });
        log(`round ${round}, hand-written: ${ours.distinctStates} states, ${ours.transitions} transitions in ${ours.seconds.toFixed(2)} s`);
        expectOracleCounts(ours, pbftN4F1Model.name);
        if (handWritten === undefined || ours.seconds < handWritten.seconds) handWritten = ours;
        // A fresh build each round: the runtime's memo tables are part of what is measured.
        const viaXstate = await explore(pbftN4F1XstateModel.build(pbftN4F1XstateModel.config), { model: pbftN4F1XstateModel.name });
        log(`round ${round}, XState: ${viaXstate.distinctStates} states, ${viaXstate.transitions} transitions in ${viaXstate.seconds.toFixed(2)} s`);
        expectOracleCounts(viaXstate, pbftN4F1XstateModel.name);
        if (xstate === undefined || viaXstate.seconds < xstate.seconds) xstate = viaXstate;
        if (spin === undefined) continue;
        const figures = spin.search();
        log(`round ${round}, SPIN: ${figures.stored} stored, ${figures.transitions} transitions in ${figures.searchSeconds.toFixed(2)} s`);
        expectSpinAgrees(figures, ours);
        if (theirs === undefined || figures.searchSeconds < theirs.searchSeconds) theirs = figures;
      }
    } finally {
      spin?.dispose();
    }
    const handWrittenFigures = figuresOf(handWritten!);
    const xstateFigures = figuresOf(xstate!);
    const beforeAfter = await measurePbftBeforeAfter(log);
    const common = {
      handWritten: handWrittenFigures,
      xstate: xstateFigures,
      xstateVsHandWritten: round3(xstateFigures.statesPerSecond / handWrittenFigures.statesPerSecond),
      targets: { xstateVsHandWritten: 0.5, xstateBytesPerStoredState: 64 },
      pbftN4F1BeforeAfter: beforeAfter,
    };
    if (spin === undefined || theirs === undefined) return { ...common, spin: "not installed" };
    const spinStatesPerSecond = theirs.stored / theirs.searchSeconds;
    return {
      ...common,
      spin: {
        states: theirs.stored,
        transitions: theirs.transitions,
        searchSeconds: round3(theirs.searchSeconds),
        compileSeconds: round3(spin.compileSeconds),
        statesPerSecond: Math.round(spinStatesPerSecond),
      },
      xstateVsSpin: round3(xstateFigures.statesPerSecond / spinStatesPerSecond),
      handWrittenVsSpin: round3(handWrittenFigures.statesPerSecond / spinStatesPerSecond),
    };
  },
};

function figuresOf(result: Result) {
  return {
    states: result.distinctStates,
    transitions: result.transitions,
    maxDepth: result.maxDepth,
    seconds: round3(result.seconds),
    statesPerSecond: Math.round(result.statesPerSecond),
    bytesPerStoredState: round3(result.bytesPerState ?? 0),
    rounds: ROUNDS,
  };
}

function expectOracleCounts(result: Result, model: string): void {
  const { expected } = pbftN4F1Model;
  if (result.result !== "pass" || result.distinctStates !== expected.distinctStates || result.transitions !== expected.transitions || result.maxDepth !== expected.maxDepth) {
    throw new Error(`pbft-oracle: ${model} found ${result.distinctStates} states / ${result.transitions} transitions / depth ${result.maxDepth} (${result.result}); SPEC.md §7.1 says 1140625 / 7933500 / 24`);
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
