import { describe, expect, it } from "vitest";
import { seededPrng } from "../../../explorer/prng.ts";
import { chooseNetworkStep, discardWhere, duplicate, emptyNetwork, findInFlight, inFlightIds, messageId, send, take } from "../../../impl/network/index.ts";
import type { Envelope } from "../../../impl/network/index.ts";
import { clientEndpoint, clientOfEndpoint, replicaEndpoint, replicaOfEndpoint } from "../../../impl/network/envelope.ts";
import { commit, prePrepare, prepare, request } from "../../support/pbft-fixtures.ts";

const req = request();
const a: Envelope = { from: "2", to: "1", message: prepare(req, 2) };
const b: Envelope = { from: "0", to: "3", message: prePrepare(req) };
const c: Envelope = { from: "3", to: "1", message: commit(req, 3) };

describe("message ids", () => {
  it("are stable, human-readable and name sender and receiver", () => {
    expect(messageId(a)).toMatch(/^PREPARE v0 n1 d:[0-9a-f]{6} 2->1$/);
    expect(messageId({ from: "c0", to: "0", message: req })).toBe("REQUEST c0 t1 op:op0.1 c0->0");
    expect(messageId({ from: "1", to: "c0", message: { type: "REPLY", view: 0, timestamp: 1, client: 0, replica: 1, result: "r" } })).toBe(
      "REPLY v0 t1 r:r 1->c0",
    );
    expect(messageId({ from: "1", to: "2", message: { type: "CHECKPOINT", seq: 2, stateDigest: "ab".repeat(32), replica: 1 } })).toBe(
      "CHECKPOINT n2 s:ababab 1->2",
    );
  });

  it("endpoints name replicas and clients apart", () => {
    expect([replicaOfEndpoint(replicaEndpoint(3)), clientOfEndpoint(clientEndpoint(2))]).toEqual([3, 2]);
    expect([replicaOfEndpoint("c1"), clientOfEndpoint("1")]).toEqual([undefined, undefined]);
  });
});

describe("simulated network", () => {
  it("holds the same multiset whatever order messages were sent in", () => {
    const one = [a, b, c].reduce((net, envelope) => send(net, envelope), emptyNetwork);
    const other = [c, a, b].reduce((net, envelope) => send(net, envelope), emptyNetwork);
    expect(one).toEqual(other);
    expect(inFlightIds(one)).toEqual([...inFlightIds(one)].sort());
  });

  it("delivers a message by id and removes it", () => {
    const net = send(send(emptyNetwork, a), b);
    const { network, envelope } = take(net, messageId(a));
    expect(envelope).toEqual(a);
    expect(inFlightIds(network)).toEqual([messageId(b)]);
  });

  it("duplicates a message as one more copy under the same id, and delivers copies one at a time", () => {
    const net = duplicate(send(emptyNetwork, a), messageId(a));
    expect(findInFlight(net, messageId(a))!.copies).toBe(2);
    const once = take(net, messageId(a)).network;
    expect(findInFlight(once, messageId(a))!.copies).toBe(1);
    expect(take(once, messageId(a)).network).toEqual([]);
  });

  it("refuses to deliver, drop or duplicate a message that is not in flight", () => {
    expect(() => take(emptyNetwork, "PREPARE v0 n1 d:000000 2->1")).toThrow(/no message/);
    expect(() => duplicate(emptyNetwork, "x")).toThrow(/no message/);
  });

  it("refuses two different messages under one id", () => {
    const clash: Envelope = { ...a, message: { ...prepare(req, 2), digest: `${prepare(req, 2).digest.slice(0, 6)}${"0".repeat(58)}` } };
    expect(() => send(send(emptyNetwork, a), clash)).toThrow(/share the id/);
  });

  it("discards marked messages and keeps the same network when none is marked", () => {
    const net = send(send(emptyNetwork, a), c);
    expect(discardWhere(net, () => false)).toBe(net);
    expect(inFlightIds(discardWhere(net, (envelope) => envelope.message.type === "COMMIT"))).toEqual([messageId(a)]);
  });
});

describe("seeded network choices", () => {
  it("choose deliver, drop or duplicate only where the model enables them", () => {
    const net = [a, b, c].reduce((n, e) => send(n, e), emptyNetwork);
    const kinds = (faults: { drop: boolean; duplicate: boolean }, seed: number) => {
      const random = seededPrng(seed);
      return Array.from({ length: 50 }, () => Object.keys(chooseNetworkStep(net, random, faults)!)[0]);
    };
    expect(new Set(kinds({ drop: false, duplicate: false }, 1))).toEqual(new Set(["deliver"]));
    expect(new Set(kinds({ drop: true, duplicate: true }, 1))).toEqual(new Set(["deliver", "drop", "duplicate"]));
    expect(kinds({ drop: true, duplicate: true }, 9)).toEqual(kinds({ drop: true, duplicate: true }, 9));
    expect(chooseNetworkStep(emptyNetwork, seededPrng(1), { drop: true, duplicate: true })).toBeUndefined();
  });
});
