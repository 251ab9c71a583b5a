import { describe, expect, it } from "vitest";
import { SeedStateTree, seedGetNode } from "../../../../impl/mpt/seed/index.ts";
import type { SeedNode } from "../../../../impl/mpt/seed/index.ts";

const h = (hex: string): Uint8Array => Uint8Array.from(Buffer.from(hex, "hex"));
const leaf = (key: string, value: string): SeedNode => ({ kind: "leaf", key: h(key), value: h(value) });
const branch = (slots: Record<number, SeedNode>): SeedNode => ({ kind: "branch", children: Array.from({ length: 16 }, (_, i) => slots[i] ?? null) });

describe("seed-mpt get_node (literal port of A §5.2 l. 420–449)", () => {
  it("reads the high nibble at depth 0 and the low nibble at depth 4", () => {
    const root = branch({ 0xa: branch({ 0xb: leaf("ab", "01") }) });
    expect(seedGetNode(root, h("ab"), 0)).toEqual(h("01"));
    expect(seedGetNode(root, h("ac"), 0)).toBeNull();
  });

  it("finds nothing for a key that ends at a Branch (no value slot)", () => {
    expect(seedGetNode(branch({ 0: leaf("00", "01") }), h(""), 0)).toBeNull();
  });

  it("below an Extension, indexes the shortened key as if nothing was cut (depth counted twice)", () => {
    // Extension [aa] then a Branch: get(aa 01) slices the key to [01] but depth is 8, so the
    // Branch reads key[1] of a 1-byte key and finds nothing.
    const root: SeedNode = { kind: "extension", prefix: h("aa"), child: branch({ 0: branch({ 1: leaf("01", "05") }) }) };
    expect(seedGetNode(root, h("aa01"), 0)).toBeNull();
  });
});

describe("seed-mpt put_node (written for the port)", () => {
  it("stores and reads back keys that part within their first byte", () => {
    const tree = new SeedStateTree();
    tree.put(h("01"), h("aa"));
    tree.put(h("02"), h("bb"));
    expect([tree.get(h("01")), tree.get(h("02")), tree.get(h("03"))]).toEqual([h("aa"), h("bb"), null]);
  });

  it("puts an Extension over whole shared bytes, with the full key in each Leaf", () => {
    const tree = new SeedStateTree();
    tree.put(h("000000"), h("aa"));
    tree.put(h("000001"), h("bb"));
    const low = tree.rootNode();
    expect(low.kind === "branch" && low.children[0]?.kind === "branch" && low.children[0].children[0]).toMatchObject({ kind: "extension", prefix: h("00") });
  });

  it("refuses a key that is a proper prefix of a stored key, leaving the tree unchanged", () => {
    const tree = new SeedStateTree();
    tree.put(h("0102"), h("aa"));
    const before = tree.rootNode();
    tree.put(h("01"), h("bb"));
    expect(tree.rootNode()).toEqual(before);
    expect(tree.get(h("01"))).toBeNull();
  });
});
