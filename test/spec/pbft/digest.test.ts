import { describe, expect, it } from "vitest";
import { requestDigest, sha256Hex, shortDigest } from "../../../spec/pbft/digest.ts";
import { canonicalJson } from "../../../spec/common/canonical-json.ts";
import { pbftMessageSchema } from "../../../spec/pbft/messages.ts";

describe("request digest", () => {
  it("is SHA-256 (FIPS 180-4 test vector 'abc')", () => {
    expect(sha256Hex("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });

  it("is the SHA-256 of the request's canonical JSON, independent of field order", () => {
    const digest = requestDigest({ type: "REQUEST", client: 1, timestamp: 2, op: "x" });
    expect(digest).toBe(sha256Hex('{"client":1,"op":"x","timestamp":2}'));
    expect(digest).toMatch(/^[0-9a-f]{64}$/);
    expect(shortDigest(digest)).toBe(digest.slice(0, 6));
  });

  it("differs for requests that differ in any field", () => {
    const base = { type: "REQUEST" as const, client: 0, timestamp: 1, op: "a" };
    const digests = [base, { ...base, client: 1 }, { ...base, timestamp: 2 }, { ...base, op: "b" }].map(requestDigest);
    expect(new Set(digests).size).toBe(4);
  });
});

describe("canonical JSON", () => {
  it("sorts keys at every level and rejects undefined", () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 0, y: 1 }], c: null } })).toBe('{"a":{"c":null,"d":[2,{"y":1,"z":0}]},"b":1}');
    expect(canonicalJson({ a: undefined, b: 1 })).toBe('{"b":1}');
    expect(() => canonicalJson(undefined)).toThrow(/undefined/);
  });
});

describe("message schemas", () => {
  it("accept a well-formed PREPARE and name the field of a malformed one", () => {
    const ok = { type: "PREPARE", view: 0, seq: 1, digest: "a".repeat(64), replica: 2 };
    expect(pbftMessageSchema.parse(ok)).toEqual(ok);
    const bad = pbftMessageSchema.safeParse({ ...ok, digest: "xyz" });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues[0]!.path).toEqual(["digest"]);
  });
});
