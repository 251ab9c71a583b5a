import { describe, expect, it } from "vitest";
import { requestDigest } from "../../../spec/pbft/digest.ts";
import { stateDigestOf } from "../../../spec/pbft/replica-rules.ts";
import { backup, checkpoint, commit, commitAtBackup, feed, phaseOf, prePrepare, prepare, primary, request, sentTypes } from "../../support/pbft-fixtures.ts";

const req = request();

describe("replica machine: roles (§4.1)", () => {
  it("replica v mod n is the primary, the others are backups", () => {
    expect(primary().value).toEqual({ normalCase: "primary" });
    expect(backup(1).value).toEqual({ normalCase: "backup" });
  });
});

describe("replica machine: primary (§4.2)", () => {
  it("assigns the next sequence number and multicasts PRE-PREPARE with d = SHA-256 of the request", () => {
    const { state, outputs } = feed(primary(), [req]);
    expect(outputs).toEqual([{ type: "MULTICAST", message: prePrepare(req, 1) }]);
    expect([state.context.nextSeq, phaseOf(state, 1)]).toEqual([2, "prePrepared"]);
  });

  it("gives distinct requests consecutive sequence numbers and ignores a repeated one (isNewRequest)", () => {
    const { state, outputs } = feed(primary(), [req, req, request(1)]);
    expect(outputs.map((o) => (o.type === "MULTICAST" && o.message.type === "PRE-PREPARE" ? o.message.seq : -1))).toEqual([1, 2]);
    expect(state.context.assigned).toEqual({ 0: 1, 1: 1 });
  });

  it("queues a request when the window (h, h+L] is full and pre-prepares it once the checkpoint is stable", () => {
    const p = primary({ window: 1, checkpointInterval: 1 });
    const second = request(0, 2);
    const full = feed(p, [req, prepare(req, 1), prepare(req, 2), second]);
    expect(full.state.context.queue).toEqual([second]);
    const committed = feed(full.state, [commit(req, 1), commit(req, 2)]);
    expect(committed.state.context.lastExecuted).toBe(1);
    const digest = stateDigestOf(committed.state.context.executed);
    const stable = feed(committed.state, [checkpoint(1, digest, 1), checkpoint(1, digest, 2)]);
    expect(stable.state.context.lowWatermark).toBe(1);
    expect(stable.state.context.queue).toEqual([]);
    expect(stable.outputs).toContainEqual({ type: "MULTICAST", message: prePrepare(second, 2) });
  });
});

describe("replica machine: backup accepting a PRE-PREPARE (§4.2)", () => {
  it("accepts one from the primary of its view within the watermarks and multicasts PREPARE", () => {
    const { state, outputs } = feed(backup(), [prePrepare(req)]);
    expect(phaseOf(state, 1)).toBe("prePrepared");
    expect(outputs).toEqual([{ type: "MULTICAST", message: prepare(req, 1) }]);
  });

  it("rejects one not from the primary (isFromPrimary)", () => {
    expect(phaseOf(feed(backup(), [prePrepare(req, 1, { replica: 2 })]).state, 1)).toBe("absent");
  });

  it("rejects one for another view (isForCurrentView)", () => {
    expect(phaseOf(feed(backup(), [prePrepare(req, 1, { view: 4, replica: 0 })]).state, 1)).toBe("absent");
  });

  it("rejects sequence numbers outside h < n ≤ h+L (isWithinWatermarks)", () => {
    const small = backup(1, { window: 2 });
    expect(phaseOf(feed(small, [prePrepare(req, 3)]).state, 3)).toBe("absent");
    expect(phaseOf(feed(small, [prePrepare(req, 2)]).state, 2)).toBe("prePrepared");
  });

  it("rejects a digest that is not the request's (hasMatchingDigest)", () => {
    const forged = prePrepare(req, 1, { digest: requestDigest(request(1)) });
    expect(feed(backup(), [forged]).outputs).toEqual([]);
  });

  it("never accepts a second digest for the same (v, n) (hasNoPrePrepareForSlot)", () => {
    const { state, outputs } = feed(backup(), [prePrepare(req), prePrepare(request(1))]);
    expect(state.context.slots[1]!.context.digest).toBe(requestDigest(req));
    expect(sentTypes(outputs)).toEqual(["PREPARE"]);
  });
});

describe("replica machine: prepare and commit (§4.2)", () => {
  it("ignores PREPAREs from the primary (isFromBackup) and its own echoes (isFromOtherReplica)", () => {
    const { state } = feed(backup(), [prePrepare(req), prepare(req, 0), prepare(req, 1)]);
    expect(phaseOf(state, 1)).toBe("prePrepared");
  });

  it("logs no vote at all for a PREPARE from the primary or one carrying its own id", () => {
    const { state } = feed(backup(), [prepare(req, 0), prepare(request(1), 1)]);
    expect(state.context.slots[1]).toBeUndefined();
  });

  it("becomes prepared with 2f PREPAREs and commits with 2f+1 COMMITs, then executes and replies", () => {
    const { state, outputs } = commitAtBackup(backup(), req, 1);
    expect(sentTypes(outputs)).toEqual(["PREPARE", "COMMIT", "REPLY"]);
    expect(state.context.executed).toEqual([{ seq: 1, digest: requestDigest(req), client: 0, timestamp: 1, op: "op0.1", result: "op0.1:1" }]);
    expect(outputs.at(-1)).toEqual({ type: "REPLY", message: { type: "REPLY", view: 0, timestamp: 1, client: 0, replica: 1, result: "op0.1:1" } });
  });

  it("ignores votes for another view", () => {
    const { state } = feed(backup(), [prePrepare(req), prepare(req, 2, 1, 1)]);
    expect(phaseOf(state, 1)).toBe("prePrepared");
  });

  it("executes in sequence order: a committed n = 2 waits for n = 1", () => {
    const second = request(1);
    const early = commitAtBackup(backup(), second, 2);
    expect([phaseOf(early.state, 2), early.state.context.lastExecuted]).toEqual(["committed", 0]);
    const both = commitAtBackup(early.state, req, 1);
    expect(both.state.context.executed.map((entry) => entry.seq)).toEqual([1, 2]);
  });

  it("executes a request that is committed twice only once (at-most-once, §4.1)", () => {
    const once = commitAtBackup(backup(), req, 1);
    const twice = commitAtBackup(once.state, req, 2);
    expect(twice.state.context.executed.map((entry) => entry.result)).toEqual(["op0.1:1", null]);
    expect(sentTypes(twice.outputs)).not.toContain("REPLY");
  });
});

describe("replica machine: checkpoints and watermarks (§4.3)", () => {
  it("multicasts CHECKPOINT every K executed requests with the state digest", () => {
    const one = commitAtBackup(backup(1, { checkpointInterval: 2 }), req, 1);
    expect(sentTypes(one.outputs)).not.toContain("CHECKPOINT");
    const two = commitAtBackup(one.state, request(1), 2);
    const digest = stateDigestOf(two.state.context.executed);
    expect(two.outputs).toContainEqual({ type: "MULTICAST", message: checkpoint(2, digest, 1) });
  });

  it("makes a checkpoint stable at 2f+1 matching CHECKPOINTs, advances h and discards the log at or below it", () => {
    const executed = commitAtBackup(backup(1, { checkpointInterval: 1 }), req, 1);
    const digest = stateDigestOf(executed.state.context.executed);
    const one = feed(executed.state, [checkpoint(1, digest, 2)]);
    expect(one.state.context.lowWatermark).toBe(0);
    const stable = feed(one.state, [checkpoint(1, digest, 3)]);
    expect(stable.state.context.lowWatermark).toBe(1);
    expect(stable.state.context.slots).toEqual({});
    expect(stable.state.context.checkpoints).toEqual({});
    expect(stable.state.context.executed).toHaveLength(1);
  });

  it("does not count mismatching checkpoint digests towards stability", () => {
    const executed = commitAtBackup(backup(1, { checkpointInterval: 1 }), req, 1);
    const digest = stateDigestOf(executed.state.context.executed);
    const { state } = feed(executed.state, [checkpoint(1, digest, 2), checkpoint(1, "f".repeat(64), 3)]);
    expect(state.context.lowWatermark).toBe(0);
  });

  it("waits to stabilise a checkpoint it has not reached, and then rejects obsolete ones (isAboveLowWatermark)", () => {
    const digest = stateDigestOf(commitAtBackup(backup(1, { checkpointInterval: 1 }), req, 1).state.context.executed);
    const early = feed(backup(1, { checkpointInterval: 1 }), [checkpoint(1, digest, 2), checkpoint(1, digest, 3), checkpoint(1, digest, 0)]);
    expect(early.state.context.lowWatermark).toBe(0);
    const reached = commitAtBackup(early.state, req, 1);
    expect(reached.state.context.lowWatermark).toBe(1);
    expect(feed(reached.state, [checkpoint(1, digest, 2)]).state).toEqual(reached.state);
  });
});
