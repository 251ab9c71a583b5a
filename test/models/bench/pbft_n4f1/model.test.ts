import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { replay } from "../../../../explorer/index.ts";
import { buildPbftN4F1, describePbftState, pbftN4F1ConfigSchema, pbftN4F1Model, type PbftState } from "../../../../models/bench/pbft_n4f1/index.ts";
import { ACTION_COUNT } from "../../../../models/bench/pbft_n4f1/actions.ts";
import { ENCODED_LENGTH, encode } from "../../../../models/bench/pbft_n4f1/encoding.ts";
import { COMPONENTS } from "../../../../models/bench/pbft_n4f1/layout.ts";
import { parseInput } from "../../../../spec/common/input-error.ts";
import type { Schedule, ScheduleStep } from "../../../../spec/common/schedule.ts";

const model = buildPbftN4F1({ qp: 3, qc: 3 });
const mutant = buildPbftN4F1({ qp: 2, qc: 2 });

const prePrepare = (to: number, value: "A" | "B"): ScheduleStep => ({ step: "pre-prepare", actor: "R0", to: `R${to}`, value });
const byzCommit = (to: number, value: "A" | "B"): ScheduleStep => ({ step: "commit", actor: "R0", to: `R${to}`, value });
const deliver = (message: string): ScheduleStep => {
  const [type, ends] = message.split(" ");
  const [from, to] = ends!.split("->");
  return { deliver: `${type} R${from}->R${to}`, from: `R${from}`, to: `R${to}` };
};
const schedule = (...steps: ScheduleStep[]): Schedule => ({ version: 1, model: "bench/pbft_n4f1", config: {}, seed: 0, steps });

/** SPEC.md §7.2's shortest agreement counterexample. */
const SPEC_COUNTEREXAMPLE = schedule(
  prePrepare(1, "A"),
  deliver("PRE-PREPARE 0->1"),
  byzCommit(1, "A"),
  deliver("COMMIT 0->1"),
  prePrepare(2, "B"),
  deliver("PRE-PREPARE 0->2"),
  byzCommit(2, "B"),
  deliver("COMMIT 0->2"),
);

describe("bench/pbft_n4f1 transitions (SPEC.md §4–§5)", () => {
  it("starts with only the primary's 12 sends enabled", () => {
    const [initial] = model.initial();
    expect(model.actions(initial).map((action) => model.toStep(action))).toEqual([
      ...[1, 2, 3].flatMap((r) => [prePrepare(r, "A"), prePrepare(r, "B")]),
      ...[1, 2, 3].flatMap((r) => [byzCommit(r, "A"), byzCommit(r, "B")]),
    ]);
  });

  it("with QP = 3 a PRE-PREPARE alone does not prepare; one matching PREPARE does, and sends COMMITs", () => {
    const trace = replay(model, schedule(prePrepare(1, "A"), prePrepare(2, "A"), deliver("PRE-PREPARE 0->1"), deliver("PRE-PREPARE 0->2"), deliver("PREPARE 2->1")));
    expect(trace.steps[2].stateDescription).toBe("1:PREPREPARED(A) 2:IDLE 3:IDLE | in flight: PRE-PREPARE R0->R2=A, PREPARE R1->R2=A, PREPARE R1->R3=A");
    expect(trace.steps[4].stateDescription).toContain("1:PREPARED(A)");
    expect(trace.steps[4].stateDescription).toContain("COMMIT R1->R2=A, COMMIT R1->R3=A");
  });

  it("cascades PREPARED into COMMITTED in one receipt when the COMMITs arrived first (§2.5)", () => {
    const trace = replay(mutant, schedule(byzCommit(1, "A"), deliver("COMMIT 0->1"), prePrepare(1, "A"), deliver("PRE-PREPARE 0->1")));
    expect(trace.steps[3].stateDescription).toMatch(/^1:COMMITTED\(A\)/);
  });

  it("lets the primary send each backup at most one message of each type, also after delivery", () => {
    const trace = replay(model, schedule(prePrepare(1, "A"), byzCommit(1, "B"), deliver("PRE-PREPARE 0->1"), deliver("COMMIT 0->1")));
    const last = trace.steps[3].state;
    expect(model.fromStep(last, prePrepare(1, "B"))).toBeUndefined();
    expect(model.fromStep(last, byzCommit(1, "A"))).toBeUndefined();
    expect(model.fromStep(last, prePrepare(2, "B"))).toBeDefined();
  });

  it("replays SPEC.md §7.2's counterexample: validity fails at step 4, agreement at step 8 (mutant only)", () => {
    const trace = replay(mutant, SPEC_COUNTEREXAMPLE);
    expect(trace.steps.map((step) => step.failing)).toEqual([[], [], [], ["validity"], ["validity"], ["validity"], ["validity"], ["agreement", "validity"]]);
    expect(replay(model, SPEC_COUNTEREXAMPLE).firstViolation).toBeUndefined();
  });

  it("maps all 30 instances to Schedule steps and back", () => {
    const everyAction = Array.from({ length: ACTION_COUNT }, (_, action) => action);
    const steps = everyAction.map((action) => model.toStep(action));
    expect(new Set(steps.map((step) => JSON.stringify(step))).size).toBe(30);
    // fromStep answers only for enabled instances; all 30 are enabled in some state of a long replay.
    const seen = new Set<number>();
    const trace = replay(mutant, schedule(prePrepare(1, "A"), prePrepare(2, "A"), prePrepare(3, "A")));
    for (const state of [mutant.initial()[0], ...trace.steps.map((step) => step.state)]) {
      for (const action of mutant.actions(state)) {
        expect(mutant.fromStep(state, mutant.toStep(action))).toBe(action);
        seen.add(action);
      }
    }
    expect(seen.size).toBeGreaterThan(12);
    expect(model.fromStep(model.initial()[0], { deliver: "PREPARE R1->R1", from: "R1", to: "R1" })).toBeUndefined();
    expect(model.fromStep(model.initial()[0], { step: "pre-prepare", actor: "R0", to: "R1", value: "A", extra: 1 })).toBeUndefined();
    expect(model.fromStep(model.initial()[0], { timeout: "R1" })).toBeUndefined();
  });
});

describe("bench/pbft_n4f1 encoding (SPEC.md §3)", () => {
  const component = fc.integer({ min: 0, max: 3 });
  const state = fc.array(component, { minLength: COMPONENTS, maxLength: COMPONENTS }).map((values) => Uint8Array.from(values) as PbftState);

  it("packs the 39 components into 10 bytes, injectively", () => {
    expect(ENCODED_LENGTH).toBe(10);
    fc.assert(
      fc.property(state, state, (left, right) => {
        const sameState = left.every((value, i) => value === right[i]);
        const sameCode = encode(left).every((byte, i) => byte === encode(right)[i]);
        expect(sameCode).toBe(sameState);
      }),
      { numRuns: 500 },
    );
  });

  it("writes the same bytes with encodeInto as with encode", () => {
    fc.assert(
      fc.property(state, (s) => {
        const target = new Uint8Array(ENCODED_LENGTH);
        expect(model.encodeInto!(s, target)).toBe(ENCODED_LENGTH);
        expect(target).toEqual(model.encode(s));
      }),
      { numRuns: 100 },
    );
  });

  it("describes the initial state as all idle with an empty network", () => {
    expect(describePbftState(model.initial()[0])).toBe("1:IDLE 2:IDLE 3:IDLE | in flight: none");
  });
});

describe("bench/pbft_n4f1 model definition", () => {
  it("accepts its own config and rejects out-of-range quorums and unknown fields", () => {
    expect(parseInput(pbftN4F1ConfigSchema, pbftN4F1Model.config, "config")).toEqual({ qp: 3, qc: 3 });
    expect(() => parseInput(pbftN4F1ConfigSchema, { qp: 0, qc: 3 }, "config")).toThrow(/config qp/);
    expect(() => parseInput(pbftN4F1ConfigSchema, { qp: 3, qc: 3, n: 4 }, "config")).toThrow(/config/);
  });
});
