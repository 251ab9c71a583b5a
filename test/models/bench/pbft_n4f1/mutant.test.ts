import { describe, expect, it } from "vitest";
import { explore, replay } from "../../../../explorer/index.ts";
import { buildPbftN4F1, pbftN4F1MutantModel } from "../../../../models/bench/pbft_n4f1/index.ts";
import { expectReplayFailsOnlyAtEnd, expectViolation } from "../../../explorer/explore-assertions.ts";

// SPEC.md §7.2: mutant M, both quorums 2f = 2.
const mutant = (properties?: ("agreement" | "validity")[]) => buildPbftN4F1({ qp: 2, qc: 2, properties });

describe("mutant M (QP = QC = 2) is caught (SPEC.md §7.2)", () => {
  it("the shortest agreement counterexample has 8 steps and breaks agreement only at its last state", async () => {
    const system = pbftN4F1MutantModel.build(pbftN4F1MutantModel.config);
    const result = await explore(system, { model: pbftN4F1MutantModel.name, config: { ...pbftN4F1MutantModel.config } });
    expectViolation(system, result, "agreement", 8);
    expect(result.counterexample).toMatchObject({ model: "bench/pbft_n4f1_mutant", config: { qp: 2, qc: 2 }, seed: 0 });
    expect(pbftN4F1MutantModel.expected).toEqual({ result: "violation", property: "agreement", distinctStates: result.distinctStates, maxDepth: 8 });
  });

  it("the counterexample commits A at one correct replica and B at another", async () => {
    const system = mutant(["agreement"]);
    const result = await explore(system);
    const trace = replay(system, result.counterexample!);
    expect(trace.steps.at(-1)?.stateDescription).toMatch(/^(?=.*COMMITTED\(A\))(?=.*COMMITTED\(B\))/);
  });

  it("the shortest validity counterexample has 4 steps (and comes first when both are checked)", async () => {
    const onlyValidity = mutant(["validity"]);
    expectViolation(onlyValidity, await explore(onlyValidity), "validity", 4);
    const both = mutant();
    const result = await explore(both);
    expect(result.counterexample?.steps).toHaveLength(4);
    expectReplayFailsOnlyAtEnd(both, result, result.property!);
  });

  it.each([
    [3, 389],
    [7, 34_399],
  ])("has exactly the SPEC's states within depth %i under BFS and DFS", async (maxDepth, states) => {
    for (const strategy of ["bfs", "dfs"] as const) {
      const result = await explore(mutant(), { strategy, maxDepth, checkInvariants: false });
      expect(result).toMatchObject({ result: "incomplete", limitHit: "depth", distinctStates: states, maxDepth });
    }
  });
});
