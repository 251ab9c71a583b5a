import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { MerklePatriciaTrie } from "../../../impl/mpt/index.ts";

/** ethereum/tests TrieTests (test/fixtures/mpt/README.md): "0x…" is hex, other strings UTF-8. */
function vectorBytes(text: string): Uint8Array {
  return text.startsWith("0x") ? Uint8Array.from(Buffer.from(text.slice(2), "hex")) : new TextEncoder().encode(text);
}

interface Vector {
  in: [string, string | null][] | Record<string, string>;
  root: string;
}

function loadVectors(file: string): [string, Vector][] {
  return Object.entries(JSON.parse(readFileSync(new URL(`../../fixtures/mpt/${file}`, import.meta.url), "utf8")) as Record<string, Vector>);
}

function rootOf(vector: Vector, secure: boolean, order: (ops: [string, string | null][]) => [string, string | null][] = (ops) => ops): string {
  const trie = new MerklePatriciaTrie({ secure });
  const ops = Array.isArray(vector.in) ? vector.in : Object.entries(vector.in);
  for (const [key, value] of order(ops)) {
    if (value === null) trie.delete(vectorBytes(key));
    else trie.put(vectorBytes(key), vectorBytes(value));
  }
  return `0x${Buffer.from(trie.root()).toString("hex")}`;
}

describe("ethereum/tests TrieTests known answers", () => {
  for (const [file, secure] of [
    ["trietest.json", false],
    ["trietest_secureTrie.json", true],
    ["hex_encoded_securetrie_test.json", true],
    ["trieanyorder_secureTrie.json", true],
  ] as const) {
    for (const [name, vector] of loadVectors(file)) {
      it(`${file} ${name}: root ${vector.root.slice(0, 10)}…`, () => {
        expect(rootOf(vector, secure)).toBe(vector.root);
      });
    }
  }

  for (const [name, vector] of loadVectors("trieanyorder_secureTrie.json")) {
    it(`trieanyorder_secureTrie.json ${name}: the same root when inserted in reverse order`, () => {
      expect(rootOf(vector, true, (ops) => [...ops].reverse())).toBe(vector.root);
    });
  }
});
