import { describe, expect, it } from "vitest";
import { assertFaultBudget, byzantineActions, forgedStateDigest, initialAdversaryState, performByzantine } from "../../../impl/adversary/index.ts";
import { applyStep, enabledSteps } from "../../../impl/cluster/cluster-steps.ts";
import type { Cluster } from "../../../impl/cluster/cluster.ts";
import type { ClusterState } from "../../../impl/cluster/cluster-state.ts";
import { pbftConfigSchema } from "../../../spec/common/pbft-config.ts";
import type { PbftConfigInput } from "../../../spec/common/pbft-config.ts";
import type { ScheduleStep } from "../../../spec/common/schedule.ts";
import { stateDigestOf } from "../../../spec/pbft/execution.ts";
import { requestDigest } from "../../../spec/common/digest.ts";
import { clientSafetyHolds } from "../../../properties/pbft/client-safety.ts";
import { backup, checkpoint, commitAtBackup, feed, request } from "../../support/pbft-fixtures.ts";
import { cluster } from "../../support/cluster-fixtures.ts";

const config = (overrides: Partial<PbftConfigInput>) => pbftConfigSchema.parse({ n: 4, f: 1, requests: 1, checkpointInterval: 1, window: 1, ...overrides });
const known = [request(0), request(1)];

/** Applies the steps, then the first enabled step until none is left. */
function runFrom(target: Cluster, steps: readonly ScheduleStep[], limit = 500): ClusterState {
  let state = steps.reduce((current, step) => applyStep(target, current, step), target.initial());
  for (let i = 0; i < limit; i++) {
    const [step] = enabledSteps(target, state);
    if (step === undefined) return state;
    state = applyStep(target, state, step);
  }
  throw new Error(`run did not end within ${limit} steps`);
}

describe("forge-reply (§4.1: the client's f+1 matching replies)", () => {
  it("sends a client, for each request it sent, one REPLY signed as the Byzantine replica with a result no correct replica computes", () => {
    const cfg = config({ byzantine: [{ replica: 3, behaviours: ["forge-reply"] }] });
    const actions = byzantineActions(cfg, initialAdversaryState, known);
    expect(actions).toEqual([
      { byzantine: 3, behaviour: "forge-reply", client: 0, timestamp: 1 },
      { byzantine: 3, behaviour: "forge-reply", client: 1, timestamp: 1 },
    ]);
    const performed = performByzantine(initialAdversaryState, actions[1]!, known);
    expect(performed.envelopes).toEqual([
      { from: "3", to: "c1", message: { type: "REPLY", view: 0, timestamp: 1, client: 1, replica: 3, result: "op1.1:forged" } },
    ]);
    expect(byzantineActions(cfg, performed.state, known)).toEqual([actions[0]]);
  });

  it("one forged reply never reaches the f+1 = 2 quorum: the client accepts the result the correct replicas computed", () => {
    const target = cluster({ byzantine: [{ replica: 3, behaviours: ["forge-reply"] }] });
    const forged = applyStep(target, applyStep(target, target.initial(), { request: 0, op: "op0.1" }), { byzantine: 3, behaviour: "forge-reply", client: 0, timestamp: 1 });
    expect(forged.clients[0]!.state.context.replies).toEqual({ "op0.1:forged": [3] });
    expect(forged.clients[0]!.state.value).toBe("waiting");
    const end = runFrom(target, [{ request: 0, op: "op0.1" }, { byzantine: 3, behaviour: "forge-reply", client: 0, timestamp: 1 }]);
    expect(end.clients[0]!.state.context.accepted).toEqual([{ timestamp: 1, result: "op0.1:1" }]);
    expect(clientSafetyHolds(end)).toBe(true);
  });

  it("with f understated as 0 (reply quorum 1), the forged result is accepted and client safety fails", () => {
    const target = cluster({ f: 0, exceedFaultBudget: true, byzantine: [{ replica: 3, behaviours: ["forge-reply"] }] });
    const end = runFrom(target, [{ request: 0, op: "op0.1" }, { byzantine: 3, behaviour: "forge-reply", client: 0, timestamp: 1 }]);
    expect(end.clients[0]!.state.context.accepted).toEqual([{ timestamp: 1, result: "op0.1:forged" }]);
    expect(end.replicas[0]!.state.context.executed.map((entry) => entry.result)).toEqual(["op0.1:1"]);
    expect(clientSafetyHolds(end)).toBe(false);
  });
});

describe("forge-checkpoint (§4.3: 2f+1 matching CHECKPOINTs make a checkpoint stable)", () => {
  it("sends each correct replica one CHECKPOINT per adversary slot, signed as itself, with a digest of no correct state", () => {
    const cfg = config({ adversarySlots: 2, byzantine: [{ replica: 3, behaviours: ["forge-checkpoint"] }] });
    const actions = byzantineActions(cfg, initialAdversaryState, known);
    expect(actions).toHaveLength(2 * 3);
    const performed = performByzantine(initialAdversaryState, actions.at(-1)!, known);
    expect(performed.envelopes).toEqual([{ from: "3", to: "2", message: { type: "CHECKPOINT", seq: 2, stateDigest: forgedStateDigest(2), replica: 3 } }]);
    expect(byzantineActions(cfg, performed.state, known)).toHaveLength(actions.length - 1);
  });

  it("the forged vote never completes a quorum with correct votes, where a true one would", () => {
    const executed = commitAtBackup(backup(1, { checkpointInterval: 1 }), request(0), 1).state;
    const trueDigest = stateDigestOf(executed.context.executed);
    expect(forgedStateDigest(1)).not.toBe(trueDigest);
    const twoVotes = feed(executed, [checkpoint(1, trueDigest, 2)]).state;
    expect(twoVotes.context.lowWatermark).toBe(0);
    const forged = performByzantine(initialAdversaryState, { byzantine: 3, behaviour: "forge-checkpoint", seq: 1, to: 1 }, known).envelopes[0]!.message;
    if (forged.type !== "CHECKPOINT") throw new Error("forge-checkpoint must send a CHECKPOINT");
    expect(feed(twoVotes, [forged]).state.context.checkpoints[1]![forgedStateDigest(1)]).toEqual([3]);
    expect(feed(twoVotes, [forged]).state.context.lowWatermark).toBe(0);
    expect(feed(twoVotes, [checkpoint(1, trueDigest, 3)]).state.context.lowWatermark).toBe(1);
  });
});

describe("bad-digest (§4.2: d must be the digest of the request the PRE-PREPARE carries)", () => {
  it("lets only the primary send each backup a PRE-PREPARE carrying one request under another sent request's digest", () => {
    const cfg = config({ byzantine: [{ replica: 0, behaviours: ["bad-digest"] }] });
    const actions = byzantineActions(cfg, initialAdversaryState, known);
    expect(actions).toHaveLength(3 * 2);
    expect(actions[0]).toEqual({ byzantine: 0, behaviour: "bad-digest", seq: 1, to: 1, client: 0, timestamp: 1, digestClient: 1, digestTimestamp: 1 });
    const { envelopes } = performByzantine(initialAdversaryState, actions[0]!, known);
    expect(envelopes).toEqual([{ from: "0", to: "1", message: { type: "PRE-PREPARE", view: 0, seq: 1, digest: requestDigest(known[1]!), request: known[0], replica: 0 } }]);
    expect(byzantineActions(cfg, initialAdversaryState, [request(0)])).toEqual([]);
    expect(() => assertFaultBudget(config({ byzantine: [{ replica: 3, behaviours: ["bad-digest"] }] }))).toThrow(/bad-digest needs the primary of view 0/);
  });

  it("is offered to the model checker (not absorbed), and a correct backup rejects it", () => {
    const target = cluster({ clients: 2, byzantine: [{ replica: 0, behaviours: ["bad-digest"] }], checkTermination: false });
    const sent = applyStep(target, applyStep(target, target.initial(), { request: 0, op: "op0.1" }), { request: 1, op: "op1.1" });
    const step = { byzantine: 0, behaviour: "bad-digest", seq: 1, to: 2, client: 1, timestamp: 1, digestClient: 0, digestTimestamp: 1 };
    expect(enabledSteps(target, sent)).toContainEqual(step);
    const after = applyStep(target, sent, step);
    expect(after.replicas[2]!.state.context.slots[1]?.value ?? "idle").toBe("idle");
    expect(after.replicas.map((replica) => replica?.key)).toEqual(sent.replicas.map((replica) => replica?.key));
    expect(after.network).toEqual([]);
  });
});
