import { describe, expect, it } from "vitest";
import { explore } from "../../explorer/index.ts";
import { buildPbftN4F1 } from "../../models/bench/pbft_n4f1/index.ts";
import { expectViolation } from "./explore-assertions.ts";
import { graphSystem, gridSystem, notAt } from "./tiny-systems.ts";

const cyclicGraph = () => graphSystem({ 0: [1, 2], 1: [2, 0], 2: [3], 3: [0, 4] });

describe("fingerprint mode", () => {
  it.each([
    ["a grid", () => explore(gridSystem(12), { fingerprint: true }), () => explore(gridSystem(12))],
    ["a cyclic graph", () => explore(cyclicGraph(), { fingerprint: true }), () => explore(cyclicGraph())],
  ])("reaches exactly the figures of exact mode on %s", async (_name, exploreFingerprinted, exploreExact) => {
    const exact = await exploreExact();
    const fingerprinted = await exploreFingerprinted();
    for (const figure of ["result", "distinctStates", "transitions", "maxDepth", "statesPerDepth", "terminalStates"] as const) {
      expect(fingerprinted[figure]).toEqual(exact[figure]);
    }
  });

  it("reaches the 34,399 states of the mutant oracle within depth 7, as exact mode does", async () => {
    const result = await explore(buildPbftN4F1({ qp: 2, qc: 2 }), { fingerprint: true, maxDepth: 7, checkInvariants: false });
    expect(result).toMatchObject({ result: "incomplete", limitHit: "depth", distinctStates: 34_399 });
  });

  it("reports the omission probability bound n²/2⁶⁵ and finds the same shortest counterexample", async () => {
    const system = gridSystem(5, [notAt(3, 4)]);
    const result = await explore(system, { fingerprint: true });
    expectViolation(system, result, "not at (3,4)", 7);
    expect(result.omissionProbability).toBeCloseTo((result.distinctStates * (result.distinctStates - 1)) / 2 ** 65, 30);
  });
});
