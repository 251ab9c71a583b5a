import { describe, expect, it } from "vitest";
import {
  checkCanonicalForm,
  checkDeleteAll,
  checkMapSemantics,
  checkOracleRoot,
  checkProofs,
  checkStructure,
  referenceSubject,
} from "../../../properties/mpt/index.ts";
import type { PropertyOutcome } from "../../../properties/mpt/index.ts";

/** A property holds: on failure the message carries fast-check's minimal counterexample. */
function expectHolds(outcome: PropertyOutcome<unknown>): void {
  expect(outcome.holds, `${outcome.property} on ${outcome.subject}: ${outcome.failure} — ${JSON.stringify(outcome.counterexample)}`).toBe(true);
}

describe("impl/mpt against the MPT property suites (seed-catalogue A39–A42)", () => {
  it("T1 map semantics: get returns the last value put, null for keys never put or deleted", () => {
    expectHolds(checkMapSemantics(referenceSubject(), { seed: 6101, numRuns: 200 }));
    expectHolds(checkMapSemantics(referenceSubject({ secure: true }), { seed: 6102, numRuns: 100 }));
    expectHolds(checkMapSemantics(referenceSubject(), { seed: 6103, numRuns: 100 }, "hashed"));
  });

  it("T2 oracle: the root equals @ethereumjs/mpt's after every put and delete, plain and secure", async () => {
    expectHolds(await checkOracleRoot({ seed: 6201, numRuns: 80 }));
    expectHolds(await checkOracleRoot({ seed: 6202, numRuns: 40, secure: true }));
  });

  it("T3 canonical form: the root depends only on the final map, not on insertion order or deleted keys", () => {
    expectHolds(checkCanonicalForm(referenceSubject(), { seed: 6301, numRuns: 200 }));
  });

  it("T4 structure: no empty or stacked extensions, branches with two or more entries, paths spelling keys", () => {
    expectHolds(checkStructure(referenceSubject(), { seed: 6401, numRuns: 200 }));
  });

  it("T5 proofs: present keys prove their value, absent keys prove absence, a flipped byte is rejected", () => {
    expectHolds(checkProofs({ seed: 6501, numRuns: 100 }));
  });

  it("deleting every key, in any order, returns the empty root", () => {
    expectHolds(checkDeleteAll({ seed: 6601, numRuns: 200 }));
  });
});
