import { check, replay } from "consensus-check";
import "consensus-check/vitest";
import { describe, expect, it } from "vitest";
import { rm3, rm3EagerCommit } from "./two-phase.ts";

// The models' pins are the test: `check` judges every run against the model's `expected`.
describe("two-phase commit", () => {
  it("two-phase/rm3 passes with TLC's figures for TwoPhase.tla: 288 states, depth 11 (ours 10: we count from 0)", async () => {
    const { asExpected, judgement, result } = await check(rm3);
    expect(judgement.reasons).toEqual([]);
    expect(asExpected).toBe(true);
    expect(result).toMatchObject({ result: "pass", distinctStates: 288, maxDepth: 10, transitions: 1_601 });
  });

  // consensus-check/vitest: the same checks, one line each (a failure prints the counterexample and its replay file).
  it("as matchers", async () => {
    await expect(rm3).toPassModelCheck(); // verdict and figures as pinned
    await expect(rm3EagerCommit).toFindViolation("TCConsistent"); // the mutant is caught
  });

  it("the eager-commit mutant breaks TCConsistent in 5 steps, and its counterexample replays", async () => {
    const { asExpected, result } = await check(rm3EagerCommit);
    expect(asExpected).toBe(true);
    expect(result).toMatchObject({ result: "violation", property: "TCConsistent", maxDepth: 5 });
    expect(replay(rm3EagerCommit, result).violation).toEqual({ property: "TCConsistent", step: 5 });
  });
});
