import { describe, expect, it } from "vitest";
import { createMPT, createMerkleProof, verifyMerkleProof } from "@ethereumjs/mpt";
import { MerklePatriciaTrie, verifyProof } from "../../../impl/mpt/index.ts";

const h = (hex: string): Uint8Array => Uint8Array.from(Buffer.from(hex, "hex"));
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const ENTRIES: [string, string][] = [["do", "verb"], ["dog", "puppy"], ["doge", "coin"], ["horse", "stallion"], ["dogglesworth", "cat"]];

function puppyTrie(secure = false): MerklePatriciaTrie {
  const trie = new MerklePatriciaTrie({ secure });
  for (const [key, value] of ENTRIES) trie.put(utf8(key), utf8(value));
  return trie;
}

function expectVerdict(root: Uint8Array, key: Uint8Array, proof: Uint8Array[], value: Uint8Array | null, secure = false): void {
  expect(verifyProof(root, key, proof, { secure })).toEqual({ valid: true, value });
}

describe("proofs (EIP-1186 eth_getProof shape)", () => {
  it("proves every present key with its value, plain and secure", () => {
    for (const secure of [false, true]) {
      const trie = puppyTrie(secure);
      for (const [key, value] of ENTRIES) {
        const { proof, value: proven } = trie.createProof(utf8(key));
        expect(proven).toEqual(utf8(value));
        expectVerdict(trie.root(), utf8(key), proof, utf8(value), secure);
      }
    }
  });

  it("proves absence of keys that diverge in a leaf, an extension or an empty branch slot", () => {
    const trie = puppyTrie();
    for (const key of ["d", "dox", "dogs", "horses", "cat", ""]) {
      const { proof, value } = trie.createProof(utf8(key));
      expect(value).toBeNull();
      expectVerdict(trie.root(), utf8(key), proof, null);
    }
  });

  it("proves absence in the empty trie with an empty proof", () => {
    const trie = new MerklePatriciaTrie();
    expect(trie.createProof(utf8("x")).proof).toEqual([]);
    expectVerdict(trie.root(), utf8("x"), [], null);
    expectVerdict(trie.root(), utf8("x"), [h("80")], null);
    expect(verifyProof(trie.root(), utf8("x"), [h("c0")]).valid).toBe(false);
  });

  it("rejects a proof with a flipped byte, a missing node, an extra node or a wrong root", () => {
    const trie = puppyTrie();
    const { proof } = trie.createProof(utf8("doge"));
    const flipped = proof.map((node, i) => (i === proof.length - 1 ? Uint8Array.from(node, (b, j) => (j === 3 ? b ^ 1 : b)) : node));
    expect(verifyProof(trie.root(), utf8("doge"), flipped)).toMatchObject({ valid: false, error: expect.stringMatching(/does not hash/) });
    expect(verifyProof(trie.root(), utf8("doge"), proof.slice(0, -1))).toMatchObject({ valid: false, error: expect.stringMatching(/ends before/) });
    expect(verifyProof(trie.root(), utf8("doge"), [...proof, proof[0]])).toMatchObject({ valid: false, error: expect.stringMatching(/beyond the end/) });
    expect(verifyProof(new Uint8Array(32), utf8("doge"), proof).valid).toBe(false);
    expect(verifyProof(new Uint8Array(31), utf8("doge"), proof)).toMatchObject({ valid: false, error: expect.stringMatching(/32-byte/) });
  });

  it("rejects proof nodes that hash right but are not trie nodes", async () => {
    const { keccak_256 } = await import("@noble/hashes/sha3.js");
    const notNodes = {
      "an RLP string": "83646f67",
      "a 3-item list": "c3010203",
      "an empty path": "c28001",
      "a list as path": "c2c001",
      "a 2-item list with a 32-byte path": "e2a0" + "00".repeat(32),
      "a 1-item list": "c58440404040",
      "hex-prefix flag 4": "c24001",
      "a non-zero pad nibble": "c20101",
      "a leaf with an empty value": "c22080",
      "an extension with an empty path": "e200a0" + "11".repeat(32),
      "a child reference of 3 bytes": "c6 13 83 010203".replace(/ /g, ""),
      "trailing bytes after the list": "c2200100",
      "invalid RLP": "c3820102",
    };
    for (const [what, node] of Object.entries(notNodes)) {
      expect(verifyProof(keccak_256(h(node)), h("6f"), [h(node)]).valid, what).toBe(false);
    }
  });

  it("creates proofs that @ethereumjs/mpt verifies, and verifies proofs it creates", async () => {
    for (const secure of [false, true]) {
      const theirs = await createMPT({ useKeyHashing: secure });
      for (const [key, value] of ENTRIES) await theirs.put(utf8(key), utf8(value));
      const ours = puppyTrie(secure);
      expect(ours.root()).toEqual(theirs.root());
      for (const key of [...ENTRIES.map(([k]) => k), "dogs", "cat"]) {
        const expected = await theirs.get(utf8(key));
        const ourProof = ours.createProof(utf8(key)).proof;
        expect(await verifyMerkleProof(utf8(key), ourProof, { root: ours.root(), useKeyHashing: secure })).toEqual(expected);
        const theirProof = await createMerkleProof(theirs, utf8(key));
        expectVerdict(ours.root(), utf8(key), theirProof, expected, secure);
      }
    }
  });
});
