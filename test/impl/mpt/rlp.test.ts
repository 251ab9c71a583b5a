import { describe, expect, it } from "vitest";
import { fc, test } from "@fast-check/vitest";
import { RLP } from "@ethereumjs/rlp";
import { rlpDecode, rlpEncode } from "../../../impl/mpt/index.ts";
import type { RlpItem } from "../../../impl/mpt/index.ts";

const bytes = (hex: string): Uint8Array => Uint8Array.from(Buffer.from(hex, "hex"));

const rlpItem: fc.Arbitrary<RlpItem> = fc.letrec<{ item: RlpItem }>((tie) => ({
  item: fc.oneof(
    { depthSize: "small" },
    fc.uint8Array({ maxLength: 80 }),
    fc.array(tie("item"), { maxLength: 5 }),
  ),
})).item;

describe("RLP (Yellow Paper App. B)", () => {
  test.prop([rlpItem], { seed: 4201, numRuns: 300 })("encodes exactly as @ethereumjs/rlp for any nested item", (item) => {
    expect(rlpEncode(item)).toEqual(RLP.encode(item as Uint8Array));
  });

  test.prop([rlpItem], { seed: 4202, numRuns: 300 })("decodes what it encodes", (item) => {
    expect(rlpDecode(rlpEncode(item))).toEqual(item);
  });

  it("encodes the Yellow Paper's examples", () => {
    expect(rlpEncode(new TextEncoder().encode("dog"))).toEqual(bytes("83646f67"));
    expect(rlpEncode([])).toEqual(bytes("c0"));
    expect(rlpEncode(new Uint8Array(0))).toEqual(bytes("80"));
    expect(rlpEncode(Uint8Array.of(0x0f))).toEqual(bytes("0f"));
    expect(rlpEncode(new Uint8Array(56))).toEqual(bytes(`b838${"00".repeat(56)}`));
  });

  it.each([
    ["trailing bytes", "8161ff"],
    ["a single byte below 0x80 in a string header", "8101"],
    ["the long form for a short payload", "b80161"],
    ["a length with a leading zero", "b90038"],
    ["a string running past the input", "83aabb"],
    ["a list running past the input", "c3aa"],
    ["empty input", ""],
  ])("rejects %s", (_name, hex) => {
    expect(() => rlpDecode(bytes(hex))).toThrow(RangeError);
  });
});
