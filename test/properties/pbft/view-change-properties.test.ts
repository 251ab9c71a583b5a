import { describe, expect, it } from "vitest";
import type { RuntimeView } from "../../../impl/runtime/index.ts";
import { agreementAcrossViewsHolds } from "../../../properties/pbft/agreement-across-views.ts";
import { newViewConsistentHolds } from "../../../properties/pbft/new-view-consistent.ts";
import { preparedPreservedHolds } from "../../../properties/pbft/prepared-preserved.ts";
import { nextViewChangeHistory, viewChangeHistory, type ViewChangeHistory } from "../../../properties/pbft/view-change-history.ts";
import { requestExecutedInLaterView, viewChangeCompleted } from "../../../properties/pbft/view-change-reachable.ts";
import { requestDigest } from "../../../spec/pbft/digest.ts";
import { NULL_REQUEST_DIGEST } from "../../../spec/pbft/null-request.ts";
import { commit, prePrepare, prepare, request } from "../../support/pbft-fixtures.ts";
import { replicasWith } from "../../support/property-fixtures.ts";
import { TIMEOUT, newViewMessage, preparedCertificate, run, vcReplica, viewChangeMessage } from "../../support/view-change-fixtures.ts";

const req = request();
const d = requestDigest(req);
const rules = { n: 4, prepareQuorum: 2, checkpointQuorum: 3, viewChangeQuorum: 3 };
const withHistory = (view: RuntimeView, history: ViewChangeHistory): RuntimeView => ({ ...view, history });

describe("view-change properties (Castro & Liskov §4.4)", () => {
  const v = [viewChangeMessage(1, 1, [preparedCertificate(req)]), viewChangeMessage(2, 1), viewChangeMessage(3, 1)];
  const good = newViewMessage(1, v, [{ seq: 1, digest: d, request: req }]);
  const installed = run(vcReplica(2), [req, TIMEOUT, good]).state;

  it("the history records every digest committed at a seq and every prepared (view, seq, digest) with its replicas", () => {
    const committed = run(vcReplica(1), [prePrepare(req), prepare(req, 2), commit(req, 2), commit(req, 3)]).state;
    const history = nextViewChangeHistory(viewChangeHistory.initial, replicasWith([null, committed, null, null], 1, 0));
    expect(history).toEqual({ committed: { 1: [d] }, prepared: { [`0/1/${d}`]: [1] } });
    expect(nextViewChangeHistory(history, replicasWith([null, committed, null, null], 1, 0))).toBe(history);
  });

  it("agreement across views fails once two digests were ever committed at one seq", () => {
    const view = replicasWith([], 1, 0);
    expect(agreementAcrossViewsHolds(withHistory(view, { committed: { 1: [d] }, prepared: {} }))).toBe(true);
    expect(agreementAcrossViewsHolds(withHistory(view, { committed: { 1: [d, NULL_REQUEST_DIGEST] }, prepared: {} }))).toBe(false);
  });

  it("prepared certificates preserved: a request prepared by f+1 correct replicas must be O's at its seq", () => {
    const view = replicasWith([null, null, installed, null], 1, 0);
    expect(preparedPreservedHolds(1)(withHistory(view, { committed: {}, prepared: { [`0/1/${d}`]: [1, 2] } }))).toBe(true);
    expect(preparedPreservedHolds(1)(withHistory(view, { committed: {}, prepared: { [`0/1/${NULL_REQUEST_DIGEST}`]: [1, 2] } }))).toBe(false);
    expect(preparedPreservedHolds(1)(withHistory(view, { committed: {}, prepared: { [`0/1/${NULL_REQUEST_DIGEST}`]: [1] } }))).toBe(true);
  });

  it("NEW-VIEW installed as verified: V a 2f+1 certificate, O the one V gives, the slots O's", () => {
    expect(newViewConsistentHolds(rules)(replicasWith([null, null, installed, null], 1, 0))).toBe(true);
    const forged = { ...installed, context: { ...installed.context, lastNewView: newViewMessage(1, v, []) } };
    expect(newViewConsistentHolds(rules)(replicasWith([null, null, forged, null], 1, 0))).toBe(false);
    const short = { ...installed, context: { ...installed.context, lastNewView: newViewMessage(1, v.slice(0, 2), good.prePrepares) } };
    expect(newViewConsistentHolds(rules)(replicasWith([null, null, short, null], 1, 0))).toBe(false);
    const slot = installed.context.slots[1]!;
    const otherSlot = { ...installed, context: { ...installed.context, slots: { 1: { ...slot, context: { ...slot.context, digest: NULL_REQUEST_DIGEST } } } } };
    expect(newViewConsistentHolds(rules)(replicasWith([null, null, otherSlot, null], 1, 0))).toBe(false);
  });

  it("sometimes: a view change completed, a request executed in view 1", () => {
    expect(viewChangeCompleted.holds(replicasWith([null, null, installed, null], 1, 0))).toBe(true);
    expect(requestExecutedInLaterView.holds(replicasWith([null, null, installed, null], 1, 0))).toBe(false);
    const executed = run(installed, [prepare(req, 3, 1, 1), commit(req, 1, 1, 1), commit(req, 3, 1, 1)]).state;
    expect(requestExecutedInLaterView.holds(replicasWith([null, null, executed, null], 1, 0))).toBe(true);
  });
});
