import { describe, expect, it } from "vitest";
import { explore } from "../../explorer/explore.ts";
import { replay, ReplayDivergence } from "../../explorer/replay.ts";
import { resultSchema } from "../../explorer/result.ts";
import { FLP_WITNESS } from "../../explorer/liveness/check-liveness.ts";
import type { LivenessProperty, TransitionSystem } from "../../explorer/transition-system.ts";
import { graphSystem } from "./tiny-systems.ts";

/**
 * A graph system with liveness: an action (the target node) has the fairness class of its
 * edge ([from, to] → class, −1 when absent), nodes ≥ `gstAt` are settled (after GST).
 */
function liveSystem(
  edges: Record<number, number[]>,
  liveness: LivenessProperty<number>[],
  options: { fair?: Record<string, number>; gstAt?: number; cutOff?: number[] } = {},
): TransitionSystem<number, number> {
  return {
    ...graphSystem(edges),
    liveness,
    fairness: (node, target) => options.fair?.[`${node}>${target}`] ?? -1,
    ...(options.gstAt === undefined ? {} : { settled: (node: number) => node >= options.gstAt! }),
    ...(options.cutOff === undefined ? {} : { livenessCutOff: { name: "cut off", holds: (node: number) => options.cutOff!.includes(node) } }),
  };
}

const eventually = (node: number): LivenessProperty<number> => ({ name: `eventually ${node}`, kind: "eventually", holds: (at) => at === node });
const infinitelyOften = (node: number): LivenessProperty<number> => ({ name: `always eventually ${node}`, kind: "always-eventually", holds: (at) => at === node });

describe("liveness in the explorer: the whole graph after an exhaustive BFS", () => {
  it("holds with the bound B: the most steps after GST before P", async () => {
    // 0 ⇄ 1 before GST (nodes < 2), then 2 → 3 → 4 or 2 → 4: at most 2 steps after GST to 4.
    const system = liveSystem({ 0: [1, 2], 1: [0], 2: [3, 4], 3: [4], 4: [4] }, [eventually(4)], { gstAt: 2 });
    const result = await explore(system);
    expect(result.result).toBe("pass");
    expect(result.liveness).toEqual([{ name: "eventually 4", kind: "eventually", verdict: "holds", bound: 2 }]);
    expect(resultSchema.safeParse(result).success).toBe(true);
    expect(result.graphBytesPerState).toBeGreaterThan(0);
  });

  it("a cycle before GST is no counterexample, the same cycle without partial synchrony is", async () => {
    const edges = { 0: [1, 2], 1: [0], 2: [3] };
    expect((await explore(liveSystem(edges, [eventually(3)], { gstAt: 2 }))).result).toBe("pass");
    const async = await explore(liveSystem(edges, [eventually(3)]));
    expect(async.result).toBe("violation");
    expect(async.property).toBe("eventually 3");
    expect(async.counterexample).toMatchObject({ steps: [{ deliver: "to 1" }, { deliver: "to 0" }], cycleFrom: 0 });
  });

  it("an unfair cycle is not a counterexample, and leaves no bound in steps", async () => {
    // 1 ⇄ 2 with the fair delivery to 3 enabled throughout and never taken.
    const system = liveSystem({ 0: [1], 1: [2, 3], 2: [1, 3] }, [eventually(3)], { fair: { "1>3": 7, "2>3": 7 } });
    const result = await explore(system);
    expect(result.result).toBe("pass");
    expect(result.liveness![0]).toEqual({ name: "eventually 3", kind: "eventually", verdict: "holds" });
  });

  it("a fair lasso is the counterexample: a Schedule whose cycle replays and closes", async () => {
    // 1 ⇄ 2, and the delivery to 3 is enabled only in 1: the loop passes a state where it is disabled.
    const system = liveSystem({ 0: [1], 1: [2, 3], 2: [1] }, [eventually(3)], { fair: { "1>3": 7 } });
    const result = await explore(system, { model: "loop" });
    expect(result.result).toBe("violation");
    const lasso = result.counterexample!;
    expect(lasso.steps).toEqual([{ deliver: "to 1" }, { deliver: "to 2" }, { deliver: "to 1" }]);
    expect(lasso.cycleFrom).toBe(1);
    expect(result.liveness![0]!.lasso).toEqual(lasso);
    expect(result.violationKind).toBe("liveness");
    expect(replay(system, lasso).steps).toHaveLength(3);
    // A cycle that does not come back to where it started no longer describes a lasso.
    expect(() => replay(system, { ...lasso, steps: lasso.steps.slice(0, 2) })).toThrow(ReplayDivergence);
    expect(() => replay(system, { ...lasso, steps: lasso.steps.slice(0, 2) })).toThrow(/does not close/);
  });

  it("a replayed lasso violates the property only if it is fair, settled and avoids P", async () => {
    const system = liveSystem({ 0: [1], 1: [2, 3], 2: [1] }, [eventually(3)], { fair: { "1>3": 7 } });
    const lasso = (await explore(system)).counterexample!;
    expect(replay(system, lasso).steps.at(-1)!.failing).toEqual(["eventually 3"]);
    // The delivery to 3 enabled on every state of the cycle and never taken: unfair, no violation.
    const unfair = liveSystem({ 0: [1], 1: [2, 3], 2: [1, 3] }, [eventually(3)], { fair: { "1>3": 7, "2>3": 7 } });
    expect(replay(unfair, lasso).steps.at(-1)!.failing).toEqual([]);
    // A cycle before GST is no run of the model.
    const early = liveSystem({ 0: [1], 1: [2, 3], 2: [1] }, [eventually(3)], { fair: { "1>3": 7 }, gstAt: 3 });
    expect(replay(early, lasso).firstViolation).toBeUndefined();
    // A stem that passes P does not violate "eventually P".
    const passes = liveSystem({ 0: [1], 1: [2, 3], 2: [1] }, [eventually(0)], { fair: { "1>3": 7 } });
    expect(replay(passes, lasso).firstViolation).toBeUndefined();
  });

  it("a dead end that never reached P is a deadlock lasso: cycleFrom is the number of steps", async () => {
    const system = liveSystem({ 0: [1, 2], 2: [2] }, [eventually(2)]);
    const result = await explore(system);
    expect(result.counterexample).toMatchObject({ steps: [{ deliver: "to 1" }], cycleFrom: 1 });
    expect(replay(system, result.counterexample!).steps).toHaveLength(1);
    expect(() => replay(system, { ...result.counterexample!, steps: [], cycleFrom: 0 })).toThrow(/deadlock does not reproduce/);
    expect(() => replay(system, { ...result.counterexample!, steps: [], cycleFrom: 1 })).toThrow(/past the 0 steps/);
  });

  it("always eventually: the stem may pass P, the cycle may not", async () => {
    const edges = { 0: [1], 1: [2], 2: [3], 3: [2] };
    expect((await explore(liveSystem(edges, [eventually(1)]))).result).toBe("pass");
    const result = await explore(liveSystem(edges, [infinitelyOften(1)]));
    expect(result.property).toBe("always eventually 1");
    expect(result.counterexample).toMatchObject({ cycleFrom: 2 });
    // A ¬P cycle behind the cut-off is no run of the model: runs end at the cut-off.
    const behind = await explore(liveSystem({ 0: [1], 1: [2], 2: [3], 3: [2] }, [infinitelyOften(1)], { cutOff: [2] }));
    expect(behind.liveness![0]).toMatchObject({ verdict: "undecided", cutOffRun: { steps: [{ deliver: "to 1" }, { deliver: "to 2" }] } });
    // Back to P on every round: holds, at most 2 steps from one visit to the next.
    const round = await explore(liveSystem({ 0: [1], 1: [2], 2: [0, 1] }, [infinitelyOften(1)]));
    expect(round.liveness![0]).toMatchObject({ verdict: "holds", bound: 2 });
  });

  it("runs end at the cut-off: reached after GST without P, undecided with the run; reached before GST, not judged; P after a cut-off is no evidence", async () => {
    // 0 → 1 → 2 (cut-off, then on to P at 3) or 0 → 3: the run through 2 is undecided, whatever follows 2.
    const system = liveSystem({ 0: [1, 3], 1: [2], 2: [3] }, [eventually(3)], { cutOff: [2] });
    const result = await explore(system);
    expect(result.result).toBe("pass");
    expect(result.liveness![0]).toMatchObject({ verdict: "undecided", cutOffStates: 1, cutOffBeforeGst: 0, cutOffRun: { steps: [{ deliver: "to 1" }, { deliver: "to 2" }] } });
    expect(result.liveness![0]!.lasso).toBeUndefined();
    expect(result.liveness![0]!.reason).toBeUndefined();
    // With no GST (an asynchronous model) the same run says termination is not guaranteed: FLP's run, bounded.
    const asynchronous = await explore({ ...system, asynchronous: true });
    expect(asynchronous.liveness![0]).toMatchObject({ verdict: "undecided", reason: FLP_WITNESS });
    expect(FLP_WITNESS).toMatch(/^termination not guaranteed \(FLP witness\)/);
    // Asynchrony changes nothing where the property holds.
    expect((await explore({ ...liveSystem({ 0: [1], 1: [1] }, [eventually(1)]), asynchronous: true })).liveness![0]).toEqual({ name: "eventually 1", kind: "eventually", verdict: "holds", bound: 1 });
    // The same cut-off before GST (nodes ≥ 3 settled): the adversary spent the bound early; not judged.
    const early = await explore(liveSystem({ 0: [1, 3], 1: [2], 2: [3], 3: [4], 4: [4] }, [eventually(4)], { cutOff: [2], gstAt: 3 }));
    expect(early.liveness![0]).toEqual({ name: "eventually 4", kind: "eventually", verdict: "holds", bound: 1, cutOffStates: 1, cutOffBeforeGst: 1 });
    // A genuine lasso elsewhere is still a violation.
    const both = await explore(liveSystem({ 0: [1, 4], 1: [2], 2: [2], 4: [4] }, [eventually(3)], { cutOff: [2] }));
    expect(both.liveness![0]).toMatchObject({ verdict: "violated", lasso: { cycleFrom: 1 } });
  });

  it("a safety violation, a limit, another strategy or a resumed run leaves liveness unchecked, saying why", async () => {
    const unsafe = { ...liveSystem({ 0: [1], 1: [1] }, [eventually(5)]), invariants: [{ name: "never 1", holds: (at: number) => at !== 1 }] };
    const failed = await explore(unsafe);
    expect(failed.property).toBe("never 1");
    expect(failed.violationKind).toBe("invariant");
    const stuck = await explore(graphSystem({ 0: [1] }, { terminal: { name: "termination", holds: (at: number) => at === 0 } }));
    expect(stuck).toMatchObject({ property: "termination", violationKind: "deadlock" });
    expect(failed.liveness![0]).toMatchObject({ verdict: "unchecked", reason: "a safety property failed first" });
    const system = liveSystem({ 0: [1], 1: [2], 2: [0] }, [eventually(5)]);
    expect((await explore(system, { maxStates: 2 })).liveness![0]!.reason).toMatch(/whole space/);
    expect((await explore(system, { strategy: "dfs" })).liveness![0]!.reason).toMatch(/BFS/);
    expect((await explore(system, { checkInvariants: false })).liveness).toBeUndefined();
    const symmetric = { ...system, symmetry: (node: number) => new Uint8Array([node]) };
    expect((await explore(symmetric, { symmetry: true })).liveness![0]!.reason).toMatch(/symmetry/);
  });
});
