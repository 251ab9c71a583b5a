import { prepareSignature } from "../../../spec/pbft/signatures.ts";
import { describe, expect, it } from "vitest";
import { requestDigest } from "../../../spec/pbft/digest.ts";
import type { NewView, ViewChange } from "../../../spec/pbft/messages.ts";
import { NULL_CLIENT, NULL_REQUEST_DIGEST } from "../../../spec/pbft/null-request.ts";
import { isObsoleteDelivery } from "../../../spec/pbft/replica-guards.ts";
import { commit, prePrepare, prepare, request } from "../../support/pbft-fixtures.ts";
import { TIMEOUT, newViewMessage, preparedCertificate, run, sentOf, step, vcReplica, viewChangeMessage } from "../../support/view-change-fixtures.ts";

const req = request();

describe("view change off: the normal case alone", () => {
  it("a backup without viewChange ignores a client's request (it never relays or suspects)", () => {
    const { state, outputs } = run(vcReplica(1, 2, null, { viewChange: null }), [req]);
    expect(outputs).toEqual([]);
    expect(state.context.waiting).toEqual([]);
  });
});

describe("view change: a backup suspects the primary (§4.4)", () => {
  it("relays a client's request to the primary and starts its view-change timer", () => {
    const { state, outputs } = run(vcReplica(1), [req]);
    expect(outputs).toEqual([
      { type: "send", to: ["R0"], message: req },
      { type: "setTimer", timer: "view-change" },
    ]);
    expect(state.context.waiting).toEqual([req]);
  });

  it("the timer's expiry moves it to view 1 and multicasts VIEW-CHANGE with its prepared certificates", () => {
    const prepared = run(vcReplica(2), [req, prePrepare(req), prepare(req, 1)]);
    expect(prepared.state.context.slots[1]!.value).toBe("prepared");
    const { state, outputs } = step(prepared.state, TIMEOUT);
    expect(state.value).toBe("viewChanging");
    expect([state.context.view, state.context.installedView, state.context.timeoutMultiplier]).toEqual([1, 0, 2]);
    const [message] = sentOf(outputs, "VIEW-CHANGE") as ViewChange[];
    expect(message!.prepared).toEqual([{ view: 0, seq: 1, digest: requestDigest(req), request: req, primary: 0, prepares: [1, 2], signatures: [prepareSignature(1, 0, 1, requestDigest(req)), prepareSignature(2, 0, 1, requestDigest(req))] }]);
    // §4.5: its timer waits for 2f+1 VIEW-CHANGEs for view 1; its own is one.
    expect(outputs).toContainEqual({ type: "cancelTimer", timer: "view-change" });
  });

  it("starts its timer for the NEW-VIEW once it holds 2f+1 VIEW-CHANGEs for the view (§4.5), not before", () => {
    const changing = run(vcReplica(2), [req, TIMEOUT]).state;
    const second = step(changing, viewChangeMessage(3, 1));
    expect(second.outputs).toEqual([]);
    const third = step(second.state, viewChangeMessage(1, 1));
    expect(third.outputs).toEqual([{ type: "setTimer", timer: "view-change" }]);
    expect(step(third.state, viewChangeMessage(0, 1)).outputs).toEqual([]);
  });

  it("keeps the new view's normal-case messages that overtake its NEW-VIEW, and takes them once it installs it", () => {
    const changing = run(vcReplica(2), [req, TIMEOUT]).state;
    const early = prePrepare(req, 1, { view: 1, replica: 1 });
    const kept = step(changing, early).state;
    expect(kept.context.deferred).toHaveLength(1);
    expect(step(kept, prepare(req, 3, 1, 1), "R3").state.context.deferred).toHaveLength(2);
    // A message of the view it is leaving is refused, not kept.
    expect(step(changing, prepare(req, 3, 1, 0), "R3").state.context).toEqual(changing.context);
    const installed = step(kept, newViewMessage(1, [viewChangeMessage(1, 1), viewChangeMessage(2, 1), viewChangeMessage(3, 1)], []), "R1");
    expect(installed.state.context.deferred).toEqual([]);
    expect(installed.state.context.slots[1]?.value).toBe("prePrepared");
  });

  it("keeps a later view's messages in the normal case too: a replica that never suspected the primary installs the NEW-VIEW and takes them (isForLaterView)", () => {
    // R3 is still in view 0 when R1's PRE-PREPARE and R2's PREPARE for view 1 overtake R1's NEW-VIEW.
    const normal = run(vcReplica(3), [req]).state;
    expect(normal.value).toEqual({ normalCase: "backup" });
    const early = prePrepare(req, 1, { view: 1, replica: 1 });
    const kept = run(normal, [early]).state;
    expect(kept.context.deferred).toHaveLength(1);
    const both = step(kept, prepare(req, 2, 1, 1), "R2").state;
    expect(both.context.deferred).toHaveLength(2);
    // Beyond the modelled views a message is not kept (and is obsolete).
    expect(step(normal, prePrepare(req, 1, { view: 3, replica: 3 })).state.context).toEqual(normal.context);
    const installed = step(both, newViewMessage(1, [viewChangeMessage(0, 1), viewChangeMessage(1, 1), viewChangeMessage(2, 1)], []), "R1");
    expect(installed.state.context.installedView).toBe(1);
    expect(installed.state.context.deferred).toEqual([]);
    // The kept PRE-PREPARE, its own PREPARE and R2's kept one: prepared on install.
    expect(installed.state.context.slots[1]?.value).toBe("prepared");
    expect(sentOf(installed.outputs, "PREPARE")).toHaveLength(1);
  });

  it("keeps a client's request that arrives while it changes views, and relays it to the new primary if O does not carry it", () => {
    const changing = run(vcReplica(2), [TIMEOUT]).state;
    const waiting = step(changing, req);
    expect(waiting.state.context.waiting).toEqual([req]);
    expect(waiting.outputs).toEqual([]);
    const installed = step(waiting.state, newViewMessage(1, [viewChangeMessage(1, 1), viewChangeMessage(2, 1), viewChangeMessage(3, 1)], []), "R1");
    expect(sentOf(installed.outputs, "REQUEST")).toEqual([req]);
  });

  it("timeouts double: after one view change, the next one takes two expiries", () => {
    const changing = run(vcReplica(2), [req, TIMEOUT]).state;
    const once = step(changing, TIMEOUT);
    expect([once.state.context.view, once.state.context.timerTicks]).toEqual([1, 1]);
    expect(once.outputs).toEqual([{ type: "setTimer", timer: "view-change" }]);
    const twice = step(once.state, TIMEOUT);
    expect([twice.state.context.view, twice.state.context.timeoutMultiplier]).toEqual([2, 4]);
  });

  it("at the cut-off a replica starts no further view change: its timer's expiry in the last view marks the cut-off", () => {
    const atMax = run(vcReplica(2, 1), [req, TIMEOUT, viewChangeMessage(1, 1), viewChangeMessage(3, 1)]);
    expect(atMax.outputs).toContainEqual({ type: "setTimer", timer: "view-change" });
    expect(atMax.state.context.pastLastView).toBe(false);
    const doubled = run(atMax.state, [TIMEOUT, TIMEOUT]);
    expect([doubled.state.context.view, doubled.state.context.pastLastView]).toEqual([1, true]);
    expect(sentOf(doubled.outputs, "VIEW-CHANGE")).toEqual([]);
  });

  it("f+1 VIEW-CHANGEs for higher views make a replica join the smallest (§4.5.2)", () => {
    const { state, outputs } = run(vcReplica(3), [viewChangeMessage(1, 2), viewChangeMessage(2, 1)]);
    expect([state.value, state.context.view]).toEqual(["viewChanging", 1]);
    expect((sentOf(outputs, "VIEW-CHANGE") as ViewChange[]).map((message) => message.view)).toEqual([1]);
  });
});

describe("view change: the new primary's NEW-VIEW (§4.4)", () => {
  it("with 2f+1 VIEW-CHANGEs (its own included) it multicasts NEW-VIEW with O and enters the view as primary", () => {
    const certificate = preparedCertificate(req);
    const changing = run(vcReplica(1), [req, TIMEOUT]).state;
    const { state, outputs } = run(changing, [viewChangeMessage(2, 1, [certificate]), viewChangeMessage(3, 1)]);
    const [newView] = sentOf(outputs, "NEW-VIEW") as NewView[];
    expect(newView!.viewChanges.map((message) => message.replica)).toEqual([1, 2, 3]);
    expect(newView!.prePrepares).toEqual([{ seq: 1, digest: requestDigest(req), request: req }]);
    expect(state.value).toEqual({ normalCase: "primary" });
    expect([state.context.view, state.context.installedView, state.context.nextSeq]).toEqual([1, 1, 2]);
    expect(state.context.slots[1]!.value).toBe("prePrepared");
  });

  it("a new primary pre-prepares the requests that wait and O does not carry", () => {
    const changing = run(vcReplica(1), [req, TIMEOUT]).state;
    const { outputs } = run(changing, [viewChangeMessage(2, 1), viewChangeMessage(3, 1)]);
    expect(sentOf(outputs, "PRE-PREPARE")).toEqual([prePrepare(req, 1, { view: 1, replica: 1 })]);
  });
});

describe("view change: a backup installs a NEW-VIEW it verified (§4.4)", () => {
  const v = [viewChangeMessage(1, 1, [preparedCertificate(req)]), viewChangeMessage(2, 1), viewChangeMessage(3, 1)];
  const good = newViewMessage(1, v, [{ seq: 1, digest: requestDigest(req), request: req }]);
  const forged = newViewMessage(1, v, [{ seq: 1, digest: NULL_REQUEST_DIGEST, request: null }]);

  it("recomputes O, enters view 1 and sends PREPAREs for O's pre-prepares", () => {
    const changing = run(vcReplica(2), [req, TIMEOUT]).state;
    const { state, outputs } = step(changing, good);
    expect([state.value, state.context.view, state.context.installedView]).toEqual([{ normalCase: "backup" }, 1, 1]);
    expect(sentOf(outputs, "PREPARE")).toEqual([prepare(req, 2, 1, 1)]);
    expect(state.context.lastNewView).toEqual(good);
  });

  it("rejects a NEW-VIEW whose O is not the one V gives, and calls it obsolete", () => {
    const changing = run(vcReplica(2), [req, TIMEOUT]).state;
    expect(step(changing, forged).state.context).toEqual(changing.context);
    expect(isObsoleteDelivery(changing.context, { ...forged, from: "R1" })).toBe(true);
  });

  it("the unchecked-new-view mutant installs it anyway", () => {
    const changing = run(vcReplica(2, 2, "unchecked-new-view"), [req, TIMEOUT]).state;
    expect(step(changing, forged).state.context.installedView).toBe(1);
  });

  it("rejects a NEW-VIEW whose V has fewer than 2f+1 VIEW-CHANGEs", () => {
    const changing = run(vcReplica(2), [req, TIMEOUT]).state;
    const short = newViewMessage(1, v.slice(0, 2), [{ seq: 1, digest: requestDigest(req), request: req }]);
    expect(step(changing, short).state.context.installedView).toBe(0);
  });

  it("executes O's null request without touching the service state, and stops its timer once its request executes", () => {
    const gap = [viewChangeMessage(1, 1, [preparedCertificate(req, 2)]), viewChangeMessage(2, 1), viewChangeMessage(3, 1)];
    const nullFirst = newViewMessage(1, gap, [
      { seq: 1, digest: NULL_REQUEST_DIGEST, request: null },
      { seq: 2, digest: requestDigest(req), request: req },
    ]);
    const installed = run(vcReplica(2), [req, TIMEOUT, nullFirst]).state;
    const nullVote = (replica: number, type: "PREPARE" | "COMMIT") => ({ type, view: 1, seq: 1, digest: NULL_REQUEST_DIGEST, replica });
    const { state, outputs } = run(installed, [
      nullVote(3, "PREPARE"),
      nullVote(1, "COMMIT"),
      nullVote(3, "COMMIT"),
      prepare(req, 3, 2, 1),
      commit(req, 1, 2, 1),
      commit(req, 3, 2, 1),
    ] as never);
    expect(state.context.executed.map((entry) => [entry.seq, entry.client, entry.result])).toEqual([
      [1, NULL_CLIENT, null],
      [2, 0, "op0.1:1"],
    ]);
    expect(state.context.waiting).toEqual([]);
    expect(outputs).toContainEqual({ type: "cancelTimer", timer: "view-change" });
  });
});

describe("view change: obsolete deliveries once views move", () => {
  it("messages of a view it left are obsolete; those of a view ahead are kept", () => {
    const changing = run(vcReplica(2), [req, TIMEOUT]).state.context;
    expect(isObsoleteDelivery(changing, { ...prepare(req, 1), from: "R1" })).toBe(true);
    expect(isObsoleteDelivery(changing, { ...prepare(req, 3, 1, 1), from: "R3" })).toBe(false);
    expect(isObsoleteDelivery(changing, { ...viewChangeMessage(3, 1), from: "R3" })).toBe(false);
    expect(isObsoleteDelivery(changing, { ...viewChangeMessage(3, 3), from: "R3" })).toBe(true);
    expect(isObsoleteDelivery(changing, { ...req, from: "C0" })).toBe(true);
  });
});
