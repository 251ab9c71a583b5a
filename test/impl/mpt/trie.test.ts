import { keccak_256 } from "@noble/hashes/sha3.js";
import { describe, expect, it } from "vitest";
import { EMPTY_ROOT, MerklePatriciaTrie } from "../../../impl/mpt/index.ts";

const h = (hex: string): Uint8Array => Uint8Array.from(Buffer.from(hex, "hex"));
const hex = (bytes: Uint8Array | null): string | null => (bytes === null ? null : Buffer.from(bytes).toString("hex"));

function trieWith(entries: [string, string][], secure = false): MerklePatriciaTrie {
  const trie = new MerklePatriciaTrie({ secure });
  for (const [key, value] of entries) trie.put(h(key), h(value));
  return trie;
}

describe("MerklePatriciaTrie", () => {
  it("has the empty root keccak(RLP(\"\")) = 0x56e81f…b421 when empty", () => {
    expect(hex(new MerklePatriciaTrie().root())).toBe("56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421");
    expect(EMPTY_ROOT).toEqual(new MerklePatriciaTrie({ secure: true }).root());
  });

  it("gets what was put, null for keys never put, and forgets deleted keys", () => {
    const trie = trieWith([["01", "aa"], ["0102", "bb"], ["", "cc"]]);
    expect([hex(trie.get(h("01"))), hex(trie.get(h("0102"))), hex(trie.get(h(""))), hex(trie.get(h("02")))]).toEqual(["aa", "bb", "cc", null]);
    trie.delete(h("01"));
    expect([hex(trie.get(h("01"))), hex(trie.get(h("0102")))]).toEqual([null, "bb"]);
  });

  it("treats putting an empty value as a delete, as Ethereum does", () => {
    const trie = trieWith([["01", "aa"], ["02", "bb"]]);
    trie.put(h("01"), new Uint8Array(0));
    expect(trie.root()).toEqual(trieWith([["02", "bb"]]).root());
  });

  it("leaves the root alone when deleting an absent key", () => {
    const trie = trieWith([["0111", "aa"], ["0122", "bb"]]);
    const before = hex(trie.root());
    for (const key of ["01", "0133", "011122", "", "02"]) trie.delete(h(key));
    expect(hex(trie.root())).toBe(before);
  });

  it("keeps a branch value when deleting a sibling collapses the branch (where @ethereumjs/mpt 10.1 loses it)", () => {
    // @ethereumjs/mpt 10.1.3: put 11→aa, 1122→bb, 1133→cc, del 1133, then get(11) returns null.
    const trie = trieWith([["11", "aa"], ["1122", "bb"], ["1133", "cc"]]);
    trie.delete(h("1133"));
    expect(hex(trie.get(h("11")))).toBe("aa");
    expect(trie.root()).toEqual(trieWith([["11", "aa"], ["1122", "bb"]]).root());
  });

  it("deletes the empty key alone (where @ethereumjs/mpt 10.1 empties the whole trie)", () => {
    const trie = trieWith([["", "010203"], ["11", "0405"]]);
    trie.delete(new Uint8Array(0));
    expect(trie.root()).toEqual(trieWith([["11", "0405"]]).root());
  });

  it("hashes the root node even when its RLP is shorter than 32 bytes", () => {
    // The root node is RLP [HP([0,1], leaf), 0x02] = c4 82 20 01 02, five bytes, hashed all the same.
    expect(trieWith([["01", "02"]]).root()).toEqual(keccak_256(h("c482200102")));
  });

  it("defers hashing to root(): puts leave the path unhashed, root() hashes it once and caches it", () => {
    const trie = trieWith([["0102", "aa".repeat(40)], ["0103", "bb".repeat(40)]]);
    expect(trie.rootNode()?.ref).toBeNull();
    const root = trie.root();
    const cached = trie.rootNode()?.ref;
    expect(cached).toEqual(root);
    expect(trie.root()).toBe(cached);
    trie.put(h("0104"), h("cc"));
    expect(trie.rootNode()?.ref).toBeNull();
  });
});
