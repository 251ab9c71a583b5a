import { commonPrefixLength } from "./nibbles.ts";
import { BRANCH, EXTENSION, HASHED, LEAF, emptyBranchNode, extensionNode, leafNode } from "./node.ts";
import type { BranchNode, ExtensionNode, LeafNode, ResolvedNode, TrieNode } from "./node.ts";
import type { NodeResolver } from "./node-resolver.ts";

/** A node changed: its cached reference and its stored copy are stale. */
export function markChanged(node: ResolvedNode): void {
  node.ref = null;
  node.persisted = false;
}

/**
 * Inserts key[pos..] → value below `node` and returns the node that takes its slot. Nodes on the
 * path are updated in place and only marked changed; no hashing happens here (root() does it).
 * Paths are views into the key's nibble array, never copies.
 */
export function insert(node: TrieNode | null, key: Uint8Array, pos: number, value: Uint8Array, resolve: NodeResolver): ResolvedNode {
  if (node === null) return leafNode(key.subarray(pos), value);
  const resolved = node.kind === HASHED ? resolve(node) : node;
  switch (resolved.kind) {
    case LEAF:
      return insertAtLeaf(resolved, key, pos, value);
    case EXTENSION:
      return insertAtExtension(resolved, key, pos, value, resolve);
    case BRANCH:
      if (pos === key.length) resolved.value = value;
      else resolved.children[key[pos]] = insert(resolved.children[key[pos]], key, pos + 1, value, resolve);
      markChanged(resolved);
      return resolved;
  }
}

/** The new key's own slot in a branch created at a divergence point. */
function placeNewKey(branch: BranchNode, key: Uint8Array, at: number, value: Uint8Array): void {
  if (at === key.length) branch.value = value;
  else branch.children[key[at]] = leafNode(key.subarray(at + 1), value);
}

/** A branch after `shared` common nibbles, behind an extension when shared > 0 (no empty extensions). */
function behindSharedPath(path: Uint8Array, shared: number, branch: BranchNode): ResolvedNode {
  return shared === 0 ? branch : extensionNode(path.subarray(0, shared), branch);
}

function insertAtLeaf(leaf: LeafNode, key: Uint8Array, pos: number, value: Uint8Array): ResolvedNode {
  const path = leaf.path;
  const shared = commonPrefixLength(path, 0, key, pos);
  if (shared === path.length && shared === key.length - pos) {
    leaf.value = value;
    markChanged(leaf);
    return leaf;
  }
  const branch = emptyBranchNode();
  if (shared === path.length) {
    branch.value = leaf.value;
  } else {
    branch.children[path[shared]] = leaf;
    leaf.path = path.subarray(shared + 1);
    markChanged(leaf);
  }
  placeNewKey(branch, key, pos + shared, value);
  return behindSharedPath(path, shared, branch);
}

function insertAtExtension(extension: ExtensionNode, key: Uint8Array, pos: number, value: Uint8Array, resolve: NodeResolver): ResolvedNode {
  const path = extension.path;
  const shared = commonPrefixLength(path, 0, key, pos);
  if (shared === path.length) {
    extension.child = insert(extension.child, key, pos + shared, value, resolve);
    markChanged(extension);
    return extension;
  }
  const branch = emptyBranchNode();
  const rest = path.subarray(shared + 1);
  branch.children[path[shared]] = rest.length === 0 ? extension.child : extensionNode(rest, extension.child);
  placeNewKey(branch, key, pos + shared, value);
  return behindSharedPath(path, shared, branch);
}
