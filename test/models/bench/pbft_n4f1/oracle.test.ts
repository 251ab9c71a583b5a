import { describe, expect, it } from "vitest";
import { explore } from "../../../../explorer/index.ts";
import { ORACLE_STATES_PER_DEPTH } from "../../../support/oracle-figures.ts";
import { allCorrectCommitted, buildPbftN4F1, pbftN4F1Model } from "../../../../models/bench/pbft_n4f1/index.ts";

describe("bench/pbft_n4f1 reproduces SPIN's exact figures (SPEC.md §7.1)", () => {
  it("1,140,625 states, 7,933,500 transitions, depth 24; 64 terminal states, 48 of them blocked; agreement and validity hold", async () => {
    // One run does it all: termination is checked at the 64 ends without stopping, so the
    // only violations counted are the 48 blocked ends of §7.4.
    const system = { ...buildPbftN4F1(pbftN4F1Model.config), terminal: allCorrectCommitted };
    const result = await explore(system, { model: pbftN4F1Model.name, stopAtFirstViolation: false });
    expect(result).toMatchObject({ distinctStates: 1_140_625, transitions: 7_933_500, maxDepth: 24, terminalStates: 64, terminalViolations: 48 });
    expect(result.statesPerDepth).toEqual(ORACLE_STATES_PER_DEPTH);
    expect(result.violationCounts).toEqual({ termination: 48 });
    // A Byzantine primary can lead a correct replica to commit either value, in 9 steps at the earliest.
    const reached = Object.fromEntries((result.sometimes ?? []).map((entry) => [entry.name, entry.witness?.steps.length]));
    expect(reached).toEqual({ "a correct replica committed A": 9, "a correct replica committed B": 9 });
    expect(pbftN4F1Model.expected).toEqual({ result: "pass", distinctStates: result.distinctStates, maxDepth: result.maxDepth, transitions: result.transitions, sometimes: reached });
  });
});
