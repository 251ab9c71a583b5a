import { seedEmptyBranch } from "./seed-node.ts";
import type { SeedNode } from "./seed-node.ts";
import { equalBytes } from "../equal-bytes.ts";

type Leaf = SeedNode & { kind: "leaf" };
type Branch = SeedNode & { kind: "branch" };

/**
 * `put_node`, which A §5.2 calls but never defines (A42), written for this port. Decisions:
 * - It builds the canonical Patricia shape out of the seed's three node kinds: one Leaf per key;
 *   at a byte boundary where every key below shares one or more whole bytes, an Extension
 *   holding those bytes (its prefix is bytes, as the type says); a Branch on the next nibble
 *   everywhere else. A shared run that starts mid-byte cannot be an Extension, so it becomes
 *   Branches with a single child.
 * - depth counts bits from the start of the whole key, as get_node's Branch formula does, and
 *   nodes hold whole-key data: a Leaf stores the full key it was put under (what
 *   `leaf_key == key` compares), an Extension the bytes key[depth/8 .. depth/8 + len).
 * - A Branch has no value slot, so a key that ends where other keys go on (a proper prefix of
 *   another key, the empty key) has nowhere to live: such a put leaves the trie unchanged.
 * - The empty trie is an empty Branch (Node has no empty variant, and `root: Node` needs one).
 * - Nodes are immutable values (the sketch's `self.root.clone()`): put returns a new root.
 */
export function seedPutNode(node: SeedNode, key: Uint8Array, value: Uint8Array, depth: number): SeedNode {
  switch (node.kind) {
    case "leaf":
      return equalBytes(node.key, key) ? { kind: "leaf", key, value } : splitLeaves(node, { kind: "leaf", key, value }, depth);
    case "branch": {
      if (depth >= key.length * 8) return node;
      const nibble = nibbleAt(key, depth);
      const children = node.children.slice();
      const child = children[nibble];
      children[nibble] = child === null ? { kind: "leaf", key, value } : seedPutNode(child, key, value, depth + 4);
      return { kind: "branch", children };
    }
    case "extension":
      return putAtExtension(node, key, value, depth);
  }
}

function nibbleAt(key: Uint8Array, depth: number): number {
  return (key[depth / 8 | 0] >> (4 - (depth % 8))) & 0xf;
}

function putAtExtension(node: SeedNode & { kind: "extension" }, key: Uint8Array, value: Uint8Array, depth: number): SeedNode {
  const start = depth / 8;
  let shared = 0;
  while (shared < node.prefix.length && start + shared < key.length && node.prefix[shared] === key[start + shared]) shared++;
  if (shared === node.prefix.length) return { kind: "extension", prefix: node.prefix, child: seedPutNode(node.child, key, value, depth + 8 * shared) };
  if (start + shared >= key.length) return node;
  // The key leaves the prefix inside byte `shared`: Branches on its high and low nibble.
  const tail = node.prefix.subarray(shared + 1);
  const rest: SeedNode = tail.length === 0 ? node.child : { kind: "extension", prefix: tail, child: node.child };
  const oldByte = node.prefix[shared];
  const newByte = key[start + shared];
  const low = seedEmptyBranch();
  low.children[oldByte & 0xf] = rest;
  const high = seedEmptyBranch();
  high.children[oldByte >> 4] = low;
  const leaf: Leaf = { kind: "leaf", key, value };
  if (newByte >> 4 === oldByte >> 4) low.children[newByte & 0xf] = leaf;
  else high.children[newByte >> 4] = leaf;
  return shared === 0 ? high : { kind: "extension", prefix: node.prefix.subarray(0, shared), child: high };
}

/** Two different keys meeting at `depth`: the path to the nibble where they part, then a Branch. */
function splitLeaves(a: Leaf, b: Leaf, depth: number): SeedNode {
  let part = depth;
  while (part < a.key.length * 8 && part < b.key.length * 8 && nibbleAt(a.key, part) === nibbleAt(b.key, part)) part += 4;
  if (part >= a.key.length * 8 || part >= b.key.length * 8) return a;
  return pathTo(a, b, depth, part);
}

function pathTo(a: Leaf, b: Leaf, depth: number, part: number): SeedNode {
  if (depth === part) {
    const branch: Branch = seedEmptyBranch();
    branch.children[nibbleAt(a.key, depth)] = a;
    branch.children[nibbleAt(b.key, depth)] = b;
    return branch;
  }
  const wholeBytes = Math.floor((part - depth) / 8);
  if (depth % 8 === 0 && wholeBytes > 0) {
    const start = depth / 8;
    return { kind: "extension", prefix: a.key.subarray(start, start + wholeBytes), child: pathTo(a, b, depth + 8 * wholeBytes, part) };
  }
  const branch: Branch = seedEmptyBranch();
  branch.children[nibbleAt(a.key, depth)] = pathTo(a, b, depth + 4, part);
  return branch;
}
