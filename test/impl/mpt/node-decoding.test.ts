import { describe, expect, it } from "vitest";
import { BRANCH, EXTENSION, HASHED, LEAF, MalformedNodeError, decodeNode, encodeNode } from "../../../impl/mpt/index.ts";

const h = (hex: string): Uint8Array => Uint8Array.from(Buffer.from(hex.replace(/ /g, ""), "hex"));

describe("decodeNode (nodes read back from a store)", () => {
  it("decodes a leaf, an extension over a hashed child, and a branch with an embedded child", () => {
    expect(decodeNode(h("c4 82 20 01 02"))).toMatchObject({ kind: LEAF, path: Uint8Array.of(0, 1), value: Uint8Array.of(2) });
    const extension = decodeNode(h(`e2 12 a0 ${"ab".repeat(32)}`));
    expect(extension).toMatchObject({ kind: EXTENSION, path: Uint8Array.of(2), child: { kind: HASHED, ref: h("ab".repeat(32)) } });
    const branch = decodeNode(h(`d3 c2 31 02 ${"80".repeat(15)} 05`));
    expect(branch.kind).toBe(BRANCH);
    expect(branch.kind === BRANCH && branch.children[0]).toMatchObject({ kind: LEAF, path: Uint8Array.of(1), value: Uint8Array.of(2) });
    expect(encodeNode(branch)).toEqual(h(`d3 c2 31 02 ${"80".repeat(15)} 05`));
  });

  it.each([
    ["invalid RLP", "c3 82 01"],
    ["an RLP string", "83 01 02 03"],
    ["a 3-item list", "c3 01 02 03"],
    ["a list as path", "c2 c0 01"],
    ["a bad hex-prefix flag", "c2 40 01"],
    ["a leaf with an empty value", "c2 20 80"],
    ["an extension with an empty path", `e2 00 a0 ${"ab".repeat(32)}`],
    ["an extension without a child", "c2 12 80"],
    ["a child reference of 3 bytes", "c5 12 83 01 02 03"],
    ["a branch whose value is a list", `d1 ${"80".repeat(16)} c0`],
  ])("rejects %s", (_what, hex) => {
    expect(() => decodeNode(h(hex))).toThrow(MalformedNodeError);
  });
});
