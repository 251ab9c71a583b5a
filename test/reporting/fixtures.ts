import type { Result } from "../../explorer/result.ts";
import type { TraceStep } from "../../reporting/trace.ts";

/** A small agreement counterexample in the shape the explorer and replay produce. */
export const violationTrace: TraceStep[] = [
  { step: { byzantine: 0, behaviour: "pre-prepare", to: 1, value: "A" }, description: "byzantine replica 0: pre-prepare to=1 value=A", participants: { R1: "idle" }, violated: [] },
  { step: { deliver: "PRE-PREPARE 0->1" }, description: "deliver PRE-PREPARE 0->1", participants: { R1: "prepared A" }, violated: [] },
  { step: { deliver: "COMMIT 0->1" }, description: "deliver COMMIT 0->1", participants: { R1: "committed A" }, violated: ["agreement"] },
];

export function violationResult(overrides: Partial<Result> = {}): Result {
  return {
    model: "bench/pbft_n4f1_mutant",
    result: "violation",
    property: "agreement",
    distinctStates: 1234,
    transitions: 5678,
    maxDepth: 3,
    seconds: 0.5,
    statesPerSecond: 2468,
    seed: 0,
    strategy: "bfs",
    counterexample: { version: 1, model: "bench/pbft_n4f1_mutant", config: { qp: 2, qc: 2 }, seed: 0, steps: violationTrace.map((t) => t.step) },
    ...overrides,
  };
}

export function passResult(overrides: Partial<Result> = {}): Result {
  return {
    model: "pbft/n4_f1",
    result: "pass",
    distinctStates: 1000,
    transitions: 4000,
    maxDepth: 12,
    seconds: 1.25,
    statesPerSecond: 800,
    seed: 0,
    strategy: "bfs",
    ...overrides,
  };
}
