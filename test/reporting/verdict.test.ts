import { describe, expect, it } from "vitest";
import { judge } from "../../reporting/verdict.ts";
import { passResult, sometimesEntries, violationResult } from "./fixtures.ts";

describe("judging a run against the manifest", () => {
  it("accepts a pass whose figures equal the pins", () => {
    expect(judge(passResult(), { result: "pass", distinctStates: 1000, maxDepth: 12, transitions: 4000 })).toEqual({ outcome: "as-expected", reasons: [] });
  });

  it("flags a drift in distinct states, depth or transitions as unexpected", () => {
    const judgement = judge(passResult(), { result: "pass", distinctStates: 999, maxDepth: 11, transitions: 4001 });
    expect(judgement.outcome).toBe("unexpected");
    expect(judgement.reasons).toEqual([
      "distinct states 1000 differ from the pinned 999",
      "max depth 12 differs from the pinned 11",
      "transitions 4000 differ from the pinned 4001",
    ]);
  });

  it("accepts an expected violation of the expected property with the pinned counterexample length", () => {
    expect(judge(violationResult(), { result: "violation", property: "agreement", distinctStates: 1234, maxDepth: 3 }).outcome).toBe("as-expected");
  });

  it("flags an expected violation that was not found", () => {
    const judgement = judge(passResult(), { result: "violation", property: "agreement", distinctStates: 1000, maxDepth: 12 });
    expect(judgement).toEqual({ outcome: "unexpected", reasons: ["expected a violation of agreement, found none"] });
  });

  it("flags a violation of another property than the expected one", () => {
    const judgement = judge(violationResult({ property: "validity" }), { result: "violation", property: "agreement", distinctStates: 1234, maxDepth: 3 });
    expect(judgement.reasons).toEqual(["expected a violation of agreement, found one of validity"]);
  });

  it("flags an unexpected violation", () => {
    expect(judge(violationResult(), { result: "pass", distinctStates: 1, maxDepth: 1 }).reasons).toEqual(["expected no violation, found a violation of agreement"]);
  });

  it("reports a run cut short by a limit as incomplete", () => {
    expect(judge(passResult({ result: "incomplete", limitHit: "states" }), { result: "pass", distinctStates: 1, maxDepth: 1 })).toEqual({
      outcome: "incomplete",
      reasons: ["the run stopped at its states limit before it could decide"],
    });
  });

  it("says that a run stopped by a signal or its time limit can be resumed", () => {
    const expected = { result: "pass", distinctStates: 1, maxDepth: 1 } as const;
    expect(judge(passResult({ result: "incomplete", limitHit: "interrupted" }), expected).reasons).toEqual(["the run was stopped (a signal) before it could decide; --resume continues it"]);
    expect(judge(passResult({ result: "incomplete", limitHit: "time" }), expected).reasons).toEqual(["the run stopped at its time limit before it could decide; --resume continues it"]);
  });
});

describe("judging a finished simulation (no-violation)", () => {
  const simulation = passResult({ result: "no-violation", strategy: "random", runs: 1000, maxSteps: 200, distinctStates: 12_345 });

  it("agrees with an expected pass without judging the figures of the sample it visited", () => {
    expect(judge(simulation, { result: "pass", distinctStates: 1, maxDepth: 1, transitions: 1 })).toEqual({ outcome: "as-expected", reasons: [] });
  });

  it("a model's own pinned simulation (sample) is judged like an exhaustive pass: its figures and what it must reach", () => {
    const pinned = { result: "pass" as const, distinctStates: 12_345, maxDepth: 12, transitions: 4000 };
    expect(judge(simulation, pinned, { figures: true, sample: true })).toEqual({ outcome: "as-expected", reasons: [] });
    expect(judge(simulation, { ...pinned, distinctStates: 12_000, transitions: 4001 }, { figures: true, sample: true }).reasons).toEqual([
      "distinct states 12345 differ from the pinned 12000",
      "transitions 4000 differ from the pinned 4001",
    ]);
    const unreached = passResult({ ...simulation, sometimes: [{ name: "a checkpoint made stable", discovered: false }] });
    expect(judge(unreached, pinned, { figures: true, sample: true }).reasons).toEqual(["sometimes a checkpoint made stable was never reached: the pass may be vacuous"]);
    // A sample's violation is a violation.
    expect(judge(violationResult({ strategy: "random" }), pinned, { figures: true, sample: true }).outcome).toBe("unexpected");
  });

  it("cannot refute an expected violation: incomplete, saying it is not exhaustive", () => {
    expect(judge(simulation, { result: "violation", property: "agreement", distinctStates: 1, maxDepth: 1 })).toEqual({
      outcome: "incomplete",
      reasons: ["simulation found no violation in 1,000 runs; the model expects a violation of agreement (a simulation is not exhaustive)"],
    });
  });
});

describe("judging a run that failed with an error", () => {
  it("is incomplete and quotes the error", () => {
    const failed = passResult({ result: "incomplete", limitHit: "error", error: "step: replica 7 does not exist" });
    expect(judge(failed, { result: "pass", distinctStates: 1, maxDepth: 1 })).toEqual({
      outcome: "incomplete",
      reasons: ["the run failed before it could decide: step: replica 7 does not exist"],
    });
  });
});

describe("judging a run of another strategy", () => {
  it("judges only the verdict when the figures were not pinned for it", () => {
    const expected = { result: "violation" as const, property: "agreement", distinctStates: 1, maxDepth: 1 };
    expect(judge(violationResult(), expected, { figures: false })).toEqual({ outcome: "as-expected", reasons: [] });
    expect(judge(violationResult(), expected).outcome).toBe("unexpected");
  });
});

describe("judging the sometimes properties (Stateright's Property::sometimes)", () => {
  const pins = { result: "pass", distinctStates: 1000, maxDepth: 12, transitions: 4000, sometimes: { "a request executed": 3, "a checkpoint made stable": 7 } } as const;
  const reached = passResult({ sometimes: sometimesEntries({ "a request executed": 3, "a checkpoint made stable": 7 }) });

  it("accepts a pass that reached each one with the pinned witness length", () => {
    expect(judge(reached, pins)).toEqual({ outcome: "as-expected", reasons: [] });
  });

  it("flags a pass that never reached one as unexpected: it may be vacuous", () => {
    const vacuous = passResult({ sometimes: sometimesEntries({ "a request executed": 3, "a checkpoint made stable": undefined }) });
    expect(judge(vacuous, pins)).toEqual({ outcome: "unexpected", reasons: ["sometimes a checkpoint made stable was never reached: the pass may be vacuous"] });
    // Whatever the strategy: an exhaustive DFS pass is no less vacuous.
    expect(judge(vacuous, pins, { figures: false }).reasons).toEqual(["sometimes a checkpoint made stable was never reached: the pass may be vacuous"]);
  });

  it("only reports them for a run cut short, a simulation or a violation", () => {
    const undiscovered = sometimesEntries({ "a request executed": undefined, "a checkpoint made stable": undefined });
    expect(judge(passResult({ result: "incomplete", limitHit: "states", sometimes: undiscovered }), pins).outcome).toBe("incomplete");
    expect(judge(passResult({ result: "no-violation", strategy: "random", runs: 10, sometimes: undiscovered }), pins)).toEqual({ outcome: "as-expected", reasons: [] });
    expect(judge(violationResult({ sometimes: undiscovered }), { result: "violation", property: "agreement", distinctStates: 1234, maxDepth: 3 })).toEqual({ outcome: "as-expected", reasons: [] });
  });

  it("flags a witness length that drifted from its pin, one not pinned and a pin the model does not declare", () => {
    const drifted = passResult({ sometimes: sometimesEntries({ "a request executed": 4, "a view changed": 2 }) });
    expect(judge(drifted, pins).reasons).toEqual([
      "sometimes a request executed: shortest witness 4 steps differs from the pinned 3",
      "sometimes a view changed (shortest witness 2 steps) is not pinned",
      "sometimes a checkpoint made stable is pinned but the model does not declare it",
    ]);
    // Witness lengths are pinned for the exhaustive BFS only, like the other figures.
    expect(judge(drifted, pins, { figures: false })).toEqual({ outcome: "as-expected", reasons: [] });
  });

  it("flags a pass that reports none where the model pins some (a Result saved before they were checked)", () => {
    expect(judge(passResult(), pins).reasons).toEqual(["the run reports no sometimes properties; the model pins 2, so the pass may be vacuous"]);
    expect(judge(passResult(), { ...pins, sometimes: {} })).toEqual({ outcome: "as-expected", reasons: [] });
  });
});
