import { describe, expect, it } from "vitest";
import { applyStep, enabledSteps, findEnabledStep, MAX_COPIES } from "../../../impl/cluster/cluster-steps.ts";
import { clusterTransitionSystem, describeCluster, randomRun, replaySteps } from "../../../impl/cluster/index.ts";
import { seededPrng } from "../../../explorer/prng.ts";
import { inFlightIds } from "../../../impl/network/network.ts";
import { pbftConfigSchema } from "../../../spec/common/pbft-config.ts";
import { InputError } from "../../../spec/common/input-error.ts";
import { createCluster } from "../../../impl/cluster/cluster.ts";
import { cluster, fourReplicas, hex, runToEnd } from "../../support/cluster-fixtures.ts";

describe("cluster: the reference implementation", () => {
  it("starts with idle machines, an empty network and only client requests enabled", () => {
    const target = cluster({ byzantine: [{ replica: 3, behaviours: ["silent"] }] });
    const state = target.initial();
    expect(state.replicas.map((replica) => replica === null)).toEqual([false, false, false, true]);
    expect(enabledSteps(target, state)).toEqual([{ request: 0, op: "op0.1" }]);
  });

  it("refuses a configuration beyond the fault budget", () => {
    const config = pbftConfigSchema.parse({ ...fourReplicas, byzantine: [{ replica: 1, behaviours: ["silent"] }, { replica: 2, behaviours: ["silent"] }] });
    expect(() => createCluster(config)).toThrow(InputError);
  });

  it("runs a request to completion: every replica executes it, the client accepts f+1 replies, the network drains", () => {
    const { state } = runToEnd(cluster({ requests: 2 }));
    for (const replica of state.replicas) expect(replica!.state.context.executed.map((entry) => entry.op)).toEqual(["op0.1", "op0.2"]);
    expect(state.clients[0]!.state.context.accepted).toEqual([
      { timestamp: 1, result: "op0.1:1" },
      { timestamp: 2, result: "op0.2:2" },
    ]);
    expect(state.network).toEqual([]);
    expect(state.replicas.map((replica) => replica!.state.context.lowWatermark)).toEqual([2, 2, 2, 2]);
  });

  it("replays a seeded random Schedule bit for bit: same states, same message ids", () => {
    const target = cluster({ requests: 2, byzantine: [{ replica: 3, behaviours: ["conflicting-votes"] }], forgeryBudget: 2 });
    const run = randomRun(target, seededPrng(2024), 200);
    const again = randomRun(cluster({ requests: 2, byzantine: [{ replica: 3, behaviours: ["conflicting-votes"] }], forgeryBudget: 2 }), seededPrng(2024), 200);
    expect(again.steps).toEqual(run.steps);
    const replayed = replaySteps(target, run.steps);
    expect(replayed.map(hex)).toEqual(run.states.map(hex));
    expect(replayed.map((state) => inFlightIds(state.network))).toEqual(run.states.map((state) => inFlightIds(state.network)));
  });

  it("encodes equal states equally whatever order their messages arrived in", () => {
    const target = cluster();
    let state = applyStep(target, target.initial(), { request: 0, op: "op0.1" });
    state = applyStep(target, state, { deliver: "REQUEST c0 t1 op:op0.1 c0->0" });
    const [toOne, toTwo] = inFlightIds(state.network);
    const oneThenTwo = applyStep(target, applyStep(target, state, { deliver: toOne! }), { deliver: toTwo! });
    const twoThenOne = applyStep(target, applyStep(target, state, { deliver: toTwo! }), { deliver: toOne! });
    expect(hex(oneThenTwo)).toBe(hex(twoThenOne));
    expect(hex(oneThenTwo)).not.toBe(hex(state));
  });

  it("replays a request with an operation of the Schedule's choosing", () => {
    const target = cluster();
    const [, afterRequest] = replaySteps(target, [{ request: 0, op: "transfer 5" }]);
    expect(afterRequest!.clients[0]!.state.context.sent[0]!.op).toBe("transfer 5");
    expect(findEnabledStep(target, afterRequest!, { request: 0, op: "again" })).toBeUndefined();
    const { state } = runToEnd(target);
    expect(findEnabledStep(target, state, { request: 0, op: "x" })).toBeUndefined();
  });

  it("reports a step that is not enabled as a divergence", () => {
    const target = cluster();
    expect(findEnabledStep(target, target.initial(), { deliver: "PREPARE v0 n1 d:000000 1->2" })).toBeUndefined();
    expect(() => replaySteps(target, [{ deliver: "nothing" }])).toThrow(/step 0 \(deliver nothing\) is not enabled/);
  });

  it("offers drop and duplicate only where the model enables them, up to a copy limit", () => {
    const lossy = cluster({ network: { drop: true, duplicate: true } });
    let state = applyStep(lossy, lossy.initial(), { request: 0, op: "op0.1" });
    const id = inFlightIds(state.network)[0]!;
    expect(enabledSteps(lossy, state)).toEqual([{ deliver: id }, { drop: id }, { duplicate: id }]);
    state = applyStep(lossy, state, { duplicate: id });
    expect(state.network[0]!.copies).toBe(MAX_COPIES);
    expect(enabledSteps(lossy, state)).toEqual([{ deliver: id }, { drop: id }]);
    expect(applyStep(lossy, state, { drop: id }).network[0]!.copies).toBe(1);
    const reliable = cluster();
    expect(enabledSteps(reliable, applyStep(reliable, reliable.initial(), { request: 0, op: "op0.1" }))).toEqual([{ deliver: id }]);
  });

  it("absorbs messages a replica will ignore forever and holds back those above its high watermark", () => {
    const target = cluster({ clients: 2, window: 1 });
    let state = target.initial();
    for (const step of [{ request: 0, op: "op0.1" }, { request: 1, op: "op1.1" }, { deliver: "REQUEST c0 t1 op:op0.1 c0->0" }, { deliver: "REQUEST c1 t1 op:op1.1 c1->0" }]) {
      state = applyStep(target, state, step);
    }
    // The primary queued the second request: the window (0, 1] is full.
    expect(state.replicas[0]!.state.context.queue).toHaveLength(1);
    const { state: end } = runToEnd(target);
    expect(end.replicas.every((replica) => replica!.state.context.executed.length === 2)).toBe(true);
    expect(end.network).toEqual([]);
  });

  it("rejects steps outside the normal-case model", () => {
    const target = cluster();
    expect(() => applyStep(target, target.initial(), { timeout: 1 })).toThrow(/not part of the PBFT normal-case model/);
  });

  it("lets a replaying adversary re-send a message it saw delivered, which changes no replica", () => {
    const target = cluster({ byzantine: [{ replica: 3, behaviours: ["replay"] }] });
    let state = applyStep(target, target.initial(), { request: 0, op: "op0.1" });
    state = applyStep(target, state, { deliver: "REQUEST c0 t1 op:op0.1 c0->0" });
    const toOne = inFlightIds(state.network).find((id) => id.endsWith("0->1"))!;
    state = applyStep(target, state, { deliver: toOne });
    const prepareToTwo = inFlightIds(state.network).find((id) => id.startsWith("PREPARE") && id.endsWith("1->2"))!;
    state = applyStep(target, state, { deliver: prepareToTwo });
    const replay = { byzantine: 3, behaviour: "replay", message: prepareToTwo, to: 2 };
    expect(enabledSteps(target, state)).toContainEqual(replay);
    const replayed = applyStep(target, state, replay);
    expect(replayed.replicas).toEqual(state.replicas);
    expect(replayed.adversary.used).toEqual([`3 replay ${prepareToTwo} ->2`]);
    expect(enabledSteps(target, replayed)).not.toContainEqual(replay);
  });

  it("lets a replaying adversary forward a seen message to another correct replica, which counts it as its signer's", () => {
    const target = cluster({ byzantine: [{ replica: 3, behaviours: ["replay"] }] });
    let state = applyStep(target, target.initial(), { request: 0, op: "op0.1" });
    state = applyStep(target, state, { deliver: "REQUEST c0 t1 op:op0.1 c0->0" });
    state = applyStep(target, state, { deliver: inFlightIds(state.network).find((id) => id.endsWith("0->1"))! });
    const prepareToTwo = inFlightIds(state.network).find((id) => id.startsWith("PREPARE") && id.endsWith("1->2"))!;
    state = applyStep(target, state, { deliver: prepareToTwo });
    const forwarded = applyStep(target, state, { byzantine: 3, behaviour: "replay", message: prepareToTwo, to: 0 });
    const direct = applyStep(target, state, { deliver: prepareToTwo.replace("1->2", "1->0") });
    expect(forwarded.replicas[0]!.key).not.toBe(state.replicas[0]!.key);
    expect(forwarded.replicas[0]!.key).toBe(direct.replicas[0]!.key);
  });

  it("adapts to a TransitionSystem whose actions are Schedule steps", () => {
    const config = pbftConfigSchema.parse(fourReplicas);
    const system = clusterTransitionSystem(config, { invariants: [] });
    const [initial] = system.initial();
    const [action] = system.actions(initial!);
    expect(system.toStep(action!)).toEqual({ request: 0, op: "op0.1" });
    expect(system.fromStep(initial!, { request: 0, op: "op0.1" })).toEqual(action);
    expect(system.terminal).toBeUndefined();
    expect(system.describeState!(system.step(initial!, action!))).toContain("client 0: sent 1, accepted []");
    expect(describeCluster(runToEnd(cluster({ byzantine: [{ replica: 3, behaviours: ["silent"] }] })).state)).toMatch(/replica 3: Byzantine/);
  });
});
