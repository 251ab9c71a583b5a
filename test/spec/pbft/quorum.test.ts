import { describe, expect, it } from "vitest";
import { checkpointQuorum, commitQuorum, isByzantineBoundMet, prepareQuorum, quorumSize, replyQuorum } from "../../../spec/pbft/quorum.ts";
import { primaryOf, replicaIds } from "../../../spec/pbft/ids.ts";

describe("quorum arithmetic", () => {
  it("sizes certificates at 2f+1 under the paper's rule", () => {
    expect([quorumSize(4, 1, "2f+1"), prepareQuorum(4, 1, "2f+1"), commitQuorum(4, 1, "2f+1"), checkpointQuorum(4, 1, "2f+1")]).toEqual([3, 2, 3, 3]);
    expect([prepareQuorum(7, 2, "2f+1"), commitQuorum(7, 2, "2f+1")]).toEqual([4, 5]);
  });

  it("sizes certificates at n-f under the implementations' rule", () => {
    expect([prepareQuorum(3, 1, "n-f"), commitQuorum(3, 1, "n-f")]).toEqual([1, 2]);
    expect([prepareQuorum(4, 2, "n-f"), commitQuorum(4, 2, "n-f")]).toEqual([1, 2]);
  });

  it("agrees between the rules exactly at n = 3f+1", () => {
    for (const f of [0, 1, 2, 3]) expect(quorumSize(3 * f + 1, f, "n-f")).toBe(quorumSize(3 * f + 1, f, "2f+1"));
    expect(quorumSize(3, 1, "n-f")).not.toBe(quorumSize(3, 1, "2f+1"));
  });

  it("needs f+1 matching replies at the client", () => {
    expect([replyQuorum(0), replyQuorum(1), replyQuorum(2)]).toEqual([1, 2, 3]);
  });

  it("meets the Byzantine bound only at n ≥ 3f+1", () => {
    expect([isByzantineBoundMet(4, 1), isByzantineBoundMet(3, 1), isByzantineBoundMet(4, 2), isByzantineBoundMet(7, 2)]).toEqual([true, false, false, true]);
  });

  it("makes replica v mod n the primary of view v", () => {
    expect([primaryOf(0, 4), primaryOf(5, 4), primaryOf(3, 3)]).toEqual([0, 1, 0]);
    expect(replicaIds(3)).toEqual([0, 1, 2]);
  });
});
