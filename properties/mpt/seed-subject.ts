import { bytesToNibbles } from "../../impl/mpt/index.ts";
import { SeedStateTree } from "../../impl/mpt/seed/index.ts";
import type { SeedNode } from "../../impl/mpt/seed/index.ts";
import type { TrieShape, TrieSubject } from "./trie-subject.ts";

/**
 * The seed's Leaf stores a whole key (impl/mpt/seed/seed-put-node.ts), so its path spells that
 * whole key; an Extension spells its prefix bytes as nibbles.
 */
function shapeOf(node: SeedNode): TrieShape {
  switch (node.kind) {
    case "leaf":
      return { kind: "leaf", path: Array.from(bytesToNibbles(node.key)) };
    case "extension":
      return { kind: "extension", path: Array.from(bytesToNibbles(node.prefix)), child: shapeOf(node.child) };
    case "branch":
      return { kind: "branch", children: node.children.map((child) => (child === null ? null : shapeOf(child))), hasValue: false };
  }
}

/** A canonical text of the node tree: the seed has no hashing, so structure is its fingerprint. */
function describe(node: SeedNode | null): string {
  if (node === null) return "-";
  const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString("hex");
  switch (node.kind) {
    case "leaf":
      return `L(${hex(node.key)}:${hex(node.value)})`;
    case "extension":
      return `E(${hex(node.prefix)},${describe(node.child)})`;
    case "branch":
      return `B(${node.children.map(describe).join(",")})`;
  }
}

/** seed-mpt as a TrieSubject: put and get only, as in the sketch. */
export function seedSubject(): TrieSubject {
  return {
    name: "seed-mpt",
    supportsDelete: false,
    create() {
      const tree = new SeedStateTree();
      return {
        put: (key, value) => tree.put(key, value),
        get: (key) => tree.get(key),
        delete: () => {
          throw new Error("seed-mpt has no delete (A §5.2 sketches get and put only)");
        },
        fingerprint: () => describe(tree.rootNode()),
        shape: () => shapeOf(tree.rootNode()),
      };
    },
  };
}
