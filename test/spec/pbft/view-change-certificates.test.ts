import { describe, expect, it } from "vitest";
import { describePbftMessage } from "../../../spec/pbft/messages.ts";
import { stateDigestOf } from "../../../spec/pbft/replica-rules.ts";
import { isValidViewChange } from "../../../spec/pbft/view-change-certificates.ts";
import { checkpoint, commit, prePrepare, prepare, request } from "../../support/pbft-fixtures.ts";
import { TIMEOUT, newViewMessage, preparedCertificate, run, sentOf, vcReplica, viewChangeMessage } from "../../support/view-change-fixtures.ts";
import type { ViewChange } from "../../../spec/pbft/messages.ts";

const req = request();
const rules = { n: 4, prepareQuorum: 2, checkpointQuorum: 3, viewChangeQuorum: 3 };

describe("VIEW-CHANGE certificates (TOCS §4.4)", () => {
  const good = viewChangeMessage(1, 1, [preparedCertificate(req)]);
  const cases: [string, ViewChange][] = [
    ["a checkpoint above 0 without 2f+1 signers", { ...good, checkpoint: { seq: 2, stateDigest: stateDigestOf([]), replicas: [0, 1] } }],
    ["two certificates for one seq", { ...good, prepared: [preparedCertificate(req), preparedCertificate(req)] }],
    ["a pre-prepare not from the primary of its view", { ...good, prepared: [{ ...preparedCertificate(req), primary: 2 }] }],
    ["a digest that is not the request's", { ...good, prepared: [{ ...preparedCertificate(req), digest: "0".repeat(64) }] }],
    ["fewer than 2f PREPAREs", { ...good, prepared: [{ ...preparedCertificate(req), prepares: [1] }] }],
    ["a PREPARE from the primary", { ...good, prepared: [{ ...preparedCertificate(req), prepares: [0, 1] }] }],
    ["a repeated PREPARE signer", { ...good, prepared: [{ ...preparedCertificate(req), prepares: [1, 1] }] }],
    ["a certificate of the new view itself", { ...good, prepared: [preparedCertificate(req, 1, 1)] }],
    ["a certificate at or below its checkpoint", { ...good, checkpoint: { seq: 1, stateDigest: stateDigestOf([]), replicas: [1, 2, 3] } }],
  ];
  it("accepts prepared certificates with a pre-prepare from the view's primary and 2f PREPAREs from distinct backups", () => {
    expect(isValidViewChange(good, rules)).toBe(true);
  });
  for (const [name, message] of cases) it(`rejects ${name}`, () => expect(isValidViewChange(message, rules)).toBe(false));

  it("VIEW-CHANGE and NEW-VIEW have short readable ids", () => {
    expect(describePbftMessage(good).id).toBe("VIEW-CHANGE v1 h0 P:n1v0");
    expect(describePbftMessage(viewChangeMessage(2, 1)).label).toBe("view-change v1 P:-");
    const newView = newViewMessage(1, [good, viewChangeMessage(2, 1), viewChangeMessage(3, 1)], [{ seq: 1, digest: good.prepared[0]!.digest, request: req }]);
    expect(describePbftMessage(newView).id).toMatch(/^NEW-VIEW v1 V:123 O:n1:[0-9a-f]{6}$/);
    expect(describePbftMessage(newViewMessage(1, [], [])).label).toBe("new-view v1 O:-");
  });
});

describe("the view change after a stable checkpoint (§4.3, §4.4)", () => {
  it("a stable checkpoint's 2f+1 signers become C, and P keeps only certificates above it", () => {
    const executed = run(vcReplica(1, 2, null, { checkpointInterval: 1 }), [req, prePrepare(req), prepare(req, 2), commit(req, 2), commit(req, 3)]).state;
    expect(executed.context.lastExecuted).toBe(1);
    const digest = stateDigestOf(executed.context.executed);
    const stable = run(executed, [checkpoint(1, digest, 2), checkpoint(1, digest, 3)]).state;
    expect(stable.context.stableProof).toEqual({ seq: 1, stateDigest: digest, replicas: [1, 2, 3] });
    const [message] = sentOf(run(stable, [request(0, 2), TIMEOUT]).outputs, "VIEW-CHANGE") as ViewChange[];
    expect([message!.checkpoint.seq, message!.prepared]).toEqual([1, []]);
  });
});
