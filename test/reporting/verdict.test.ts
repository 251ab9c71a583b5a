import { describe, expect, it } from "vitest";
import { judge } from "../../reporting/verdict.ts";
import { passResult, violationResult } from "./fixtures.ts";

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
