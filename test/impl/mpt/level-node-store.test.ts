import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { LevelNodeStore, MemoryNodeStore, MerklePatriciaTrie, MissingNodeError, verifyProof } from "../../../impl/mpt/index.ts";
import type { NodeStore } from "../../../impl/mpt/index.ts";

const key = (i: number): Uint8Array => Uint8Array.of(i >> 8, i & 0xff, (i * 7) & 0xff);
const value = (i: number): Uint8Array => new TextEncoder().encode(`value-${i}-${"x".repeat(i % 40)}`);
const directories: string[] = [];

afterEach(() => {
  for (const directory of directories.splice(0)) rmSync(directory, { recursive: true, force: true });
});

async function storeRoundTrip(open: () => Promise<NodeStore>, reopen: (first: NodeStore) => Promise<NodeStore>): Promise<void> {
  const store = await open();
  const trie = new MerklePatriciaTrie({ store });
  for (let i = 0; i < 300; i++) trie.put(key(i), value(i));
  for (let i = 0; i < 300; i += 3) trie.delete(key(i));
  const root = await trie.commit();
  const proofBefore = trie.createProof(key(7)).proof;
  const reopened = new MerklePatriciaTrie({ store: await reopen(store), root });
  expect(reopened.root()).toEqual(root);
  for (let i = 0; i < 300; i++) expect(reopened.get(key(i))).toEqual(i % 3 === 0 ? null : value(i));
  expect(reopened.createProof(key(7)).proof).toEqual(proofBefore);
  expect(verifyProof(root, key(7), reopened.createProof(key(7)).proof)).toEqual({ valid: true, value: value(7) });
  // The reopened trie keeps working: a put on top of loaded nodes equals the same put in memory.
  reopened.put(key(1000), value(1000));
  reopened.delete(key(1));
  trie.put(key(1000), value(1000));
  trie.delete(key(1));
  expect(reopened.root()).toEqual(trie.root());
  await reopened.commit();
  await reopened.store.close();
}

describe("node stores", () => {
  it("a trie reopened from LevelDB by its root gives the same gets, root and proofs", async () => {
    const directory = mkdtempSync(join(tmpdir(), "mpt-level-"));
    directories.push(directory);
    await storeRoundTrip(
      () => LevelNodeStore.open(directory),
      async (first) => {
        await first.close();
        return LevelNodeStore.open(directory);
      },
    );
  });

  it("a trie reopened from the memory store by its root gives the same gets, root and proofs", async () => {
    await storeRoundTrip(async () => new MemoryNodeStore(), async (first) => first);
  });

  it("stores only hashed nodes (and the root): one entry per node of 32 bytes or more", async () => {
    const store = new MemoryNodeStore();
    const trie = new MerklePatriciaTrie({ store });
    trie.put(Uint8Array.of(1), Uint8Array.of(2));
    await trie.commit();
    expect(store.size).toBe(1);
    expect(await trie.commit()).toEqual(trie.root());
    expect(store.size).toBe(1);
  });

  it("reports a missing node by its hash instead of reading it as absent", () => {
    const trie = new MerklePatriciaTrie({ root: new Uint8Array(32).fill(7) });
    expect(() => trie.get(Uint8Array.of(1))).toThrow(MissingNodeError);
  });
});
