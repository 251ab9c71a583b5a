import { describe, expect, it } from "vitest";
import { agreementHolds, clientSafetyHolds, integrityHolds, preparedAgreementHolds, terminationHolds, totalOrderHolds, validityHolds, pbftSafetyInvariants } from "../../../properties/pbft/index.ts";
import { feed, prePrepare, prepare } from "../../support/pbft-fixtures.ts";
import { entry, replicaStates, replicasWith, stateWith } from "../../support/property-fixtures.ts";
import { commitAtBackup, request } from "../../support/pbft-fixtures.ts";

describe("agreement", () => {
  it("holds when correct replicas executed the same request at each sequence number", () => {
    expect(agreementHolds(stateWith([[entry(1)], [entry(1), entry(2)], [], null]))).toBe(true);
  });

  it("fails when two correct replicas executed different requests at one sequence number", () => {
    expect(agreementHolds(stateWith([[entry(1, 1)], [entry(1, 2)]]))).toBe(false);
  });

  it("counts committed-local slots that have not executed yet", () => {
    const replicas = replicaStates(stateWith([[entry(1, 1)]]));
    replicas[1] = commitAtBackup(replicas[1]!, request(0, 2), 1).state;
    expect(agreementHolds(replicasWith(replicas))).toBe(false);
  });

  it("ignores Byzantine replicas", () => {
    expect(agreementHolds(stateWith([[entry(1, 1)], [], [], null]))).toBe(true);
  });
});

describe("validity", () => {
  it("holds when every executed request was sent by a client", () => {
    expect(validityHolds(stateWith([[entry(1), entry(2)]]))).toBe(true);
  });

  it("fails when a replica executed a request no client sent", () => {
    expect(validityHolds(stateWith([[entry(1)]], 0))).toBe(false);
    expect(validityHolds(stateWith([[{ ...entry(1), op: "forged" }]]))).toBe(false);
  });
});

describe("integrity", () => {
  it("fails when a replica executed one request twice, and holds when the repeat was skipped", () => {
    expect(integrityHolds(stateWith([[entry(1, 1), entry(2, 1)]]))).toBe(false);
    expect(integrityHolds(stateWith([[entry(1, 1), { ...entry(2, 1), result: null }]]))).toBe(true);
  });
});

describe("total order", () => {
  it("holds for logs that are prefixes of one another", () => {
    expect(totalOrderHolds(stateWith([[entry(1)], [entry(1), entry(2)], []]))).toBe(true);
  });

  it("fails for a gap, and for logs that diverge", () => {
    expect(totalOrderHolds(stateWith([[entry(2)]]))).toBe(false);
    expect(totalOrderHolds(stateWith([[entry(1), entry(2, 2)], [entry(1), entry(2, 3)]]))).toBe(false);
  });

  it("fails when one digest stands for two operations or two results at one position", () => {
    expect(totalOrderHolds(stateWith([[entry(1)], [{ ...entry(1), op: "other" }]]))).toBe(false);
    expect(totalOrderHolds(stateWith([[entry(1)], [{ ...entry(1), result: "other" }]]))).toBe(false);
  });
});

describe("termination (bounded, terminal states)", () => {
  it("holds when every correct replica executed every request a client sent", () => {
    const all = [entry(1), entry(2)];
    expect(terminationHolds(stateWith([all, all, all, null]))).toBe(true);
  });

  it("fails when a client never accepted a result (f+1 matching replies never arrived)", () => {
    const all = [entry(1), entry(2)];
    expect(terminationHolds(stateWith([all, all, all, null], 2, 1))).toBe(false);
  });

  it("fails when a correct replica has not executed a pending request", () => {
    const all = [entry(1), entry(2)];
    expect(terminationHolds(stateWith([all, all, [entry(1)], null]))).toBe(false);
  });
});

describe("prepared agreement (Castro–Liskov §4.2 invariant)", () => {
  it("fails when two correct replicas prepared different digests for one (v, n), and holds for one digest", () => {
    const initial = replicaStates(stateWith([]));
    const preparedFor = (id: number, timestamp: number) => feed(initial[id]!, [prePrepare(request(0, timestamp)), prepare(request(0, timestamp), id === 1 ? 2 : 1)]).state;
    const withSlots = (t1: number, t2: number) => replicasWith(initial.map((replica, id) => (id === 1 ? preparedFor(1, t1) : id === 2 ? preparedFor(2, t2) : replica)));
    expect(withSlots(1, 1).actor("R1").context.slots[1]!.value).toBe("prepared");
    expect(preparedAgreementHolds(withSlots(1, 1))).toBe(true);
    expect(preparedAgreementHolds(withSlots(1, 2))).toBe(false);
  });
});

describe("client safety (§4.1: f+1 matching replies)", () => {
  const withAccepted = (results: string[], histories: (ReturnType<typeof entry>[] | null)[]) => replicasWith(replicaStates(stateWith(histories)), 2, results.length, results);

  it("holds when every accepted result is the one correct replicas executed, or nobody correct executed the request yet", () => {
    expect(clientSafetyHolds(withAccepted(["op0.1:1", "op0.2:2"], [[entry(1), entry(2)], [entry(1)], [], null]))).toBe(true);
    expect(clientSafetyHolds(withAccepted(["op0.1:1", "anything"], [[entry(1)], [], [], null]))).toBe(true);
  });

  it("fails when a client accepted a result that a correct replica did not compute for that request", () => {
    expect(clientSafetyHolds(withAccepted(["op0.1:forged"], [[entry(1)], [], [], null]))).toBe(false);
    expect(clientSafetyHolds(withAccepted(["op0.1:1", "op0.2:forged"], [[], [entry(1), entry(2)], [], null]))).toBe(false);
  });

  it("reads only correct replicas and ignores skipped repeats (result null)", () => {
    expect(clientSafetyHolds(withAccepted(["op0.1:1"], [[entry(1), { ...entry(2, 1), result: null }], [], [], null]))).toBe(true);
    expect(clientSafetyHolds(withAccepted(["op0.1:1"], [[], [], [], null]))).toBe(true);
  });
});

describe("the safety suite", () => {
  it("checks agreement, validity, integrity, total order and client safety, in that order", () => {
    expect(pbftSafetyInvariants.map((invariant) => invariant.name)).toEqual(["agreement", "validity", "integrity", "total order", "client safety"]);
  });
});
