import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { prepareSignature } from "../../../spec/pbft/signatures.ts";
import { requestDigest } from "../../../spec/pbft/digest.ts";
import type { PreparedCertificate, ViewChange } from "../../../spec/pbft/messages.ts";
import { newViewOrder } from "../../../spec/pbft/new-view-order.ts";
import { NULL_REQUEST_DIGEST } from "../../../spec/pbft/null-request.ts";
import { stateDigestOf } from "../../../spec/pbft/replica-rules.ts";
import { request } from "../../support/pbft-fixtures.ts";

const INITIAL = stateDigestOf([]);

function certificate(seq: number, view: number, client = 0, timestamp = 1): PreparedCertificate {
  const req = request(client, timestamp);
  const prepares = [1, 2, 3].filter((id) => id !== view % 4).slice(0, 2);
  return { view, seq, digest: requestDigest(req), request: req, primary: view % 4, prepares, signatures: prepares.map((signer) => prepareSignature(signer, view, seq, requestDigest(req))) };
}

function viewChange(replica: number, prepared: PreparedCertificate[], checkpointSeq = 0): ViewChange {
  return { type: "VIEW-CHANGE", view: 3, checkpoint: { seq: checkpointSeq, stateDigest: INITIAL, replicas: checkpointSeq === 0 ? [] : [0, 1, 2] }, prepared, replica };
}

describe("newViewOrder: O from V (Castro & Liskov §4.4)", () => {
  const cases: { name: string; v: ViewChange[]; minS: number; maxS: number; o: [number, string | null][] }[] = [
    { name: "no prepared certificate: O is empty", v: [viewChange(0, []), viewChange(1, []), viewChange(2, [])], minS: 0, maxS: 0, o: [] },
    {
      name: "one certificate is carried to its seq",
      v: [viewChange(0, [certificate(1, 0)]), viewChange(1, []), viewChange(2, [])],
      minS: 0,
      maxS: 1,
      o: [[1, "op0.1"]],
    },
    {
      name: "a gap below max-s is filled with the null request",
      v: [viewChange(0, [certificate(2, 0)]), viewChange(1, []), viewChange(2, [])],
      minS: 0,
      maxS: 2,
      o: [
        [1, null],
        [2, "op0.1"],
      ],
    },
    {
      name: "the certificate of the highest view wins",
      v: [viewChange(0, [certificate(1, 0, 0)]), viewChange(1, [certificate(1, 2, 1)]), viewChange(2, [certificate(1, 1, 2)])],
      minS: 0,
      maxS: 1,
      o: [[1, "op1.1"]],
    },
    {
      name: "min-s is the latest stable checkpoint in V; certificates at or below it are dropped",
      v: [viewChange(0, [certificate(3, 0)], 2), viewChange(1, [certificate(1, 0), certificate(2, 0)]), viewChange(2, [])],
      minS: 2,
      maxS: 3,
      o: [[3, "op0.1"]],
    },
  ];
  for (const { name, v, minS, maxS, o } of cases) {
    it(name, () => {
      const order = newViewOrder(v);
      expect([order.minS, order.maxS]).toEqual([minS, maxS]);
      expect(order.prePrepares.map((entry) => [entry.seq, entry.request?.op ?? null])).toEqual(o);
      for (const entry of order.prePrepares) expect(entry.digest).toBe(entry.request === null ? NULL_REQUEST_DIGEST : requestDigest(entry.request));
    });
  }

  const certificates = fc.array(fc.record({ seq: fc.integer({ min: 1, max: 6 }), view: fc.integer({ min: 0, max: 2 }), client: fc.integer({ min: 0, max: 3 }) }), { maxLength: 5 });
  const viewChanges = fc.array(fc.tuple(certificates, fc.integer({ min: 0, max: 3 })), { minLength: 1, maxLength: 4 }).map((entries) =>
    entries.map(([prepared, checkpoint], replica) => {
      // One certificate per seq in a VIEW-CHANGE, and each (view, seq) names one request across V (prepared agreement, §4.2).
      const bySeq = new Map(prepared.map((entry) => [entry.seq, certificate(entry.seq, entry.view, (entry.view * 7 + entry.seq) % 4)]));
      return viewChange(replica, [...bySeq.values()].filter((entry) => entry.seq > checkpoint), checkpoint);
    }),
  );

  it("property: O fills (min-s, max-s] with the highest-view prepared request at every seq, the null request elsewhere", () => {
    fc.assert(
      fc.property(viewChanges, (v) => {
        const { minS, maxS, prePrepares } = newViewOrder(v);
        expect(minS).toBe(Math.max(...v.map((message) => message.checkpoint.seq)));
        expect(prePrepares.map((entry) => entry.seq)).toEqual(Array.from({ length: maxS - minS }, (_, index) => minS + 1 + index));
        const all = v.flatMap((message) => message.prepared).filter((entry) => entry.seq > minS);
        for (const entry of prePrepares) {
          const atSeq = all.filter((candidate) => candidate.seq === entry.seq);
          if (atSeq.length === 0) {
            expect(entry.request).toBeNull();
            continue;
          }
          const highest = Math.max(...atSeq.map((candidate) => candidate.view));
          expect(atSeq.filter((candidate) => candidate.view === highest).map((candidate) => candidate.digest)).toContain(entry.digest);
        }
      }),
    );
  });
});
