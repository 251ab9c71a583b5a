import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { pbftSafetyInvariants, preparedAgreement } from "../../../properties/pbft/index.ts";
import { agreementHolds } from "../../../properties/pbft/agreement.ts";
import { choicesArbitrary, pbftSystem as cluster, replayViews, runChoices } from "../../support/pbft-runs.ts";

/** Every random choice below flows from this seed (fast-check prints it with any failure). */
const SEED = 20_261_123;

function neverViolatesSafety(target: ReturnType<typeof cluster>, numRuns: number, minimumShareExecuting = 0.5): void {
  let executedSomething = 0;
  fc.assert(
    fc.property(choicesArbitrary(150), (choices) => {
      const run = runChoices(target, choices, [...pbftSafetyInvariants, preparedAgreement], 300);
      expect(run.violation).toBeUndefined();
      const last = run.views.at(-1)!;
      if (last.role("replica").some((replica) => replica.context.executed.length > 0)) executedSomething++;
    }),
    { seed: SEED, numRuns },
  );
  // The suite is only meaningful if random runs reach execution (and so the properties' subject).
  expect(executedSomething).toBeGreaterThan(numRuns * minimumShareExecuting);
}

describe(`random schedules at n = 4, f = 1 (fast-check, seed ${SEED})`, () => {
  it("a Byzantine backup voting for any digest, forging CHECKPOINTs and REPLYs and replaying old messages to anyone never breaks agreement, prepared agreement, validity, integrity, total order or client safety", () => {
    neverViolatesSafety(
      cluster({
        clients: 2,
        requests: 2,
        checkpointInterval: 2,
        window: 2,
        byzantine: [{ replica: 3, behaviours: ["conflicting-votes", "forge-checkpoint", "forge-reply", "replay"] }],
        adversarySlots: 2,
      }),
      80,
    );
  });

  it("an equivocating primary voting for both digests and sending PRE-PREPAREs under the wrong digest never breaks them either", () => {
    neverViolatesSafety(
      cluster({
        clients: 2,
        requests: 1,
        checkpointInterval: 1,
        window: 2,
        byzantine: [{ replica: 0, behaviours: ["equivocate", "bad-digest", "conflicting-votes", "forge-reply"] }],
        checkTermination: false,
      }),
      120,
    );
  });

  it("a network that loses and duplicates messages never makes a replica execute a request twice", () => {
    neverViolatesSafety(cluster({ requests: 2, network: { drop: true, duplicate: true }, byzantine: [{ replica: 2, behaviours: ["replay"] }] }), 120, 0.25);
  });
});

describe(`random schedules at n = 7, f = 2 (fast-check, seed ${SEED})`, () => {
  it("two Byzantine backups voting for any digest never break safety (seed catalogue A11.4, Q = 5)", () => {
    neverViolatesSafety(
      cluster({
        n: 7,
        f: 2,
        clients: 2,
        requests: 1,
        window: 2,
        byzantine: [
          { replica: 5, behaviours: ["conflicting-votes"] },
          { replica: 6, behaviours: ["conflicting-votes", "forge-checkpoint", "forge-reply", "replay"] },
        ],
      }),
      25,
    );
  });
});

describe(`random schedules at n = 3 with n-f quorums (fast-check, seed ${SEED})`, () => {
  it("find an agreement violation and shrink it to a short schedule", () => {
    const target = cluster({
      n: 3,
      clients: 2,
      requests: 1,
      window: 1,
      quorumRule: "n-f",
      byzantine: [{ replica: 0, behaviours: ["equivocate", "conflicting-votes"] }],
      checkTermination: false,
    });
    const result = fc.check(
      fc.property(choicesArbitrary(60, 30), (choices) => runChoices(target, choices, pbftSafetyInvariants).violation === undefined),
      { seed: SEED, numRuns: 500 },
    );
    expect(result.failed).toBe(true);
    const shrunk = runChoices(target, result.counterexample![0], pbftSafetyInvariants);
    expect(shrunk.violation?.property).toBe("agreement");
    // BFS finds the shortest at 12 steps (2 requests sent and delivered, 2 equivocating
    // PRE-PREPAREs and 2 COMMITs forged and delivered).
    expect(shrunk.steps.length).toBeGreaterThanOrEqual(12);
    // Runs take at least 30 choices (a forgery among dozens of offers needs room to happen), so
    // shrinking stops at a run that breaks agreement within them.
    expect(shrunk.steps.length).toBeLessThanOrEqual(30);
    const replayed = replayViews(target, shrunk.steps);
    expect(agreementHolds(replayed.at(-1)!)).toBe(false);
    expect(replayed.slice(0, -1).every(agreementHolds)).toBe(true);
  });
});
