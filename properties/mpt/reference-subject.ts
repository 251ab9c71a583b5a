import { BRANCH, EXTENSION, LEAF, MerklePatriciaTrie } from "../../impl/mpt/index.ts";
import type { TrieNode } from "../../impl/mpt/index.ts";
import type { TrieShape, TrieSubject } from "./trie-subject.ts";

function shapeOf(trie: MerklePatriciaTrie, node: TrieNode): TrieShape {
  const resolved = trie.resolve(node);
  switch (resolved.kind) {
    case LEAF:
      return { kind: "leaf", path: Array.from(resolved.path) };
    case EXTENSION:
      return { kind: "extension", path: Array.from(resolved.path), child: shapeOf(trie, resolved.child) };
    case BRANCH:
      return { kind: "branch", children: resolved.children.map((child) => (child === null ? null : shapeOf(trie, child))), hasValue: resolved.value !== null };
  }
}

/** impl/mpt as a TrieSubject; the fingerprint is the root hash. */
export function referenceSubject(options: { secure?: boolean } = {}): TrieSubject {
  return {
    name: options.secure === true ? "impl/mpt (secure)" : "impl/mpt",
    supportsDelete: true,
    create() {
      const trie = new MerklePatriciaTrie({ secure: options.secure ?? false });
      return {
        put: (key, value) => trie.put(key, value),
        get: (key) => trie.get(key),
        delete: (key) => trie.delete(key),
        fingerprint: () => Buffer.from(trie.root()).toString("hex"),
        shape: () => {
          const root = trie.rootNode();
          return root === null ? null : shapeOf(trie, root);
        },
      };
    },
  };
}
