import { describe, expect, it } from "vitest";
import { fc, test } from "@fast-check/vitest";
import { bytesToNibbles, hexPrefixDecode, hexPrefixEncode } from "../../../impl/mpt/index.ts";

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString("hex");

describe("hex-prefix encoding (Yellow Paper App. C)", () => {
  it.each([
    [[1, 2, 3, 4, 5], false, "112345"],
    [[0, 1, 2, 3, 4, 5], false, "00012345"],
    [[0, 15, 1, 12, 11, 8], true, "200f1cb8"],
    [[15, 1, 12, 11, 8], true, "3f1cb8"],
    [[], true, "20"],
    [[], false, "00"],
  ] as const)("encodes %j (leaf %s) as %s", (path, isLeaf, expected) => {
    expect(hex(hexPrefixEncode(Uint8Array.from(path), isLeaf))).toBe(expected);
  });

  test.prop([fc.uint8Array({ max: 15, maxLength: 70 }), fc.boolean()], { seed: 4203, numRuns: 200 })("decodes what it encodes, path and leaf flag", (path, isLeaf) => {
    expect(hexPrefixDecode(hexPrefixEncode(path, isLeaf))).toEqual({ path, isLeaf });
  });

  it("rejects a flag nibble above 3, a non-zero pad nibble and an empty string", () => {
    expect(() => hexPrefixDecode(Uint8Array.of(0x40))).toThrow(/flag/);
    expect(() => hexPrefixDecode(Uint8Array.of(0x21))).toThrow(/pad nibble/);
    expect(() => hexPrefixDecode(new Uint8Array(0))).toThrow(/empty/);
  });

  it("splits key bytes into nibbles, high nibble first", () => {
    expect(Array.from(bytesToNibbles(Uint8Array.of(0xab, 0x01)))).toEqual([0xa, 0xb, 0x0, 0x1]);
  });
});
