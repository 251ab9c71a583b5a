import type { Result, SometimesResult } from "../../explorer/result.ts";
import type { TraceStep } from "../../reporting/trace.ts";
import type { Coverage } from "../../spec/common/coverage.ts";

/** What a check covers, one line per aspect, in the shape `ModelDefinition.covers` returns. */
export const coverage: Coverage = {
  bounds: ["4 replicas, f = 1"],
  faults: ["replica 0 Byzantine: equivocate"],
  budgets: ["forgeries: at most 1 per run"],
  time: ["asynchronous"],
};

/** A small agreement counterexample in the shape the explorer and replay produce. */
export const violationTrace: TraceStep[] = [
  { step: { step: "pre-prepare", actor: "R0", to: "R1", value: "A" }, description: "R0: pre-prepare to=R1 value=A", participants: { R1: "idle" }, violated: [] },
  { step: { deliver: "PRE-PREPARE R0->R1", from: "R0", to: "R1" }, description: "deliver PRE-PREPARE R0->R1", participants: { R1: "prepared A" }, violated: [] },
  { step: { deliver: "COMMIT R0->R1", from: "R0", to: "R1" }, description: "deliver COMMIT R0->R1", participants: { R1: "committed A" }, violated: ["agreement"] },
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

/**
 * `sometimes` entries of `model`: each name → its witness length (deliveries "m1", "m2", …), or
 * undefined for one never discovered.
 */
export function sometimesEntries(lengths: Record<string, number | undefined>, model = "pbft/n4_f1"): SometimesResult[] {
  return Object.entries(lengths).map(([name, length]) =>
    length === undefined
      ? { name, discovered: false }
      : { name, discovered: true, witness: { version: 1, model, config: {}, seed: 0, steps: Array.from({ length }, (_, i) => ({ deliver: `m${i + 1} 0->1` })) } },
  );
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

/** `text` cut or padded with dots to exactly `length` characters. */
function exactly(text: string, length: number): string {
  return text.length >= length ? text.slice(0, length) : text + ".".repeat(length - text.length);
}

const label = (text: string): string => exactly(text, 45);

/**
 * A long counterexample on 4 replicas and 2 clients whose arrow labels and state notes are all
 * 45 characters: the worst case the HTML diagram must fit into a 1200 px column.
 */
export const longTrace: TraceStep[] = [
  { step: { step: "request", actor: "C0", op: "transfer 100" }, description: "C0: request op=transfer 100", participants: { C0: label("waiting for f+1 replies to t1 transfer 100") }, violated: [] },
  { step: { deliver: `${label("REQUEST c0 t1 op:transfer-100-from-a1-to-a2")} C0->R0`, from: "C0", to: "R0" }, description: "deliver REQUEST c0 t1 c0->0", participants: { R0: label("primary, view 0, assigned seq 1 to request t1") }, violated: [] },
  { step: { step: "request", actor: "C1", op: "transfer 200" }, description: "C1: request op=transfer 200", participants: { C1: label("waiting for f+1 replies to t1 transfer 200") }, violated: [] },
  { step: { deliver: `${label("REQUEST c1 t1 op:transfer-200-from-a2-to-a3")} C1->R0`, from: "C1", to: "R0" }, description: "deliver REQUEST c1 t1 c1->0", violated: [] },
  { step: { step: "pre-prepare", actor: "R3", to: "R2", value: "transfer-200-from-a2-to-a3-seq-1" }, description: "R3: pre-prepare to=R2 value=transfer-200-from-a2-to-a3-seq-1", participants: { R2: label("pre-prepared seq 1 = transfer 200 (from R3)") }, violated: [] },
  { step: { deliver: `${label("PRE-PREPARE v0 n1 d:transfer-100-from-a1-to-a2")} R0->R1`, from: "R0", to: "R1" }, description: "deliver PRE-PREPARE v0 n1 0->1", participants: { R1: label("pre-prepared seq 1 = transfer 100 (from R0)") }, violated: [] },
  { step: { deliver: `${label("PREPARE v0 n1 d:transfer-100-from-a1-to-a2 r1")} R1->R0`, from: "R1", to: "R0" }, description: "deliver PREPARE v0 n1 1->0", participants: { R0: label("prepared seq 1 = transfer 100 with 2f matches") }, violated: [] },
  { step: { deliver: `${label("PREPARE v0 n1 d:transfer-200-from-a2-to-a3 r2")} R2->R3`, from: "R2", to: "R3" }, description: "deliver PREPARE v0 n1 2->3", violated: [] },
  { step: { deliver: `${label("COMMIT v0 n1 d:transfer-100-from-a1-to-a2 r0")} R0->R1`, from: "R0", to: "R1" }, description: "deliver COMMIT v0 n1 0->1", participants: { R1: label("committed seq 1 = transfer 100 and executed it") }, violated: [] },
  { step: { deliver: `${label("COMMIT v0 n1 d:transfer-200-from-a2-to-a3 r3")} R3->R2`, from: "R3", to: "R2" }, description: "deliver COMMIT v0 n1 3->2", participants: { R2: label("committed seq 1 = transfer 200 and executed it") }, violated: ["agreement"] },
  { step: { deliver: `${label("REPLY v0 t1 r:ok balance-a1=900 balance-a2=1100")} R1->C0`, from: "R1", to: "C0" }, description: "deliver REPLY v0 t1 1->c0", participants: { C0: label("accepted reply ok from R1 (needs f+1 = 2 of them)") }, violated: ["agreement"] },
  { step: { deliver: `${label("REPLY v0 t1 r:ok balance-a2=800 balance-a3=1200")} R2->C1`, from: "R2", to: "C1" }, description: "deliver REPLY v0 t1 2->c1", participants: { C1: label("accepted reply ok from R2 (needs f+1 = 2 of them)") }, violated: ["agreement"] },
];

export function longResult(overrides: Partial<Result> = {}): Result {
  return violationResult({ model: "pbft/n4_f1_clients2_long", maxDepth: longTrace.length, counterexample: { version: 1, model: "pbft/n4_f1_clients2_long", config: { n: 4, clients: 2 }, seed: 0, steps: longTrace.map((t) => t.step) }, ...overrides });
}
