import { concatNibbles } from "./nibbles.ts";
import { BRANCH, EXTENSION, HASHED, LEAF, extensionNode, leafNode } from "./node.ts";
import type { BranchNode, ResolvedNode, TrieNode } from "./node.ts";
import type { NodeResolver } from "./node-resolver.ts";
import { markChanged } from "./trie-insert.ts";
import { occursAt } from "./equal-bytes.ts";

/** Returned when the key is absent: nothing changed, so no reference goes stale. */
export const UNCHANGED: unique symbol = Symbol("unchanged");

/**
 * Removes key[pos..] below `node` and returns what takes its slot (null: the subtree is gone),
 * restoring the canonical shape of App. D on the way up: a branch left with one entry collapses
 * into its child, and an extension merges with a leaf or extension below it. Canonical form is what
 * makes the root depend on the key→value map alone, not on the history of operations.
 */
export function remove(node: TrieNode | null, key: Uint8Array, pos: number, resolve: NodeResolver): ResolvedNode | null | typeof UNCHANGED {
  if (node === null) return UNCHANGED;
  const resolved = node.kind === HASHED ? resolve(node) : node;
  switch (resolved.kind) {
    case LEAF:
      return key.length - pos === resolved.path.length && occursAt(key, pos, resolved.path) ? null : UNCHANGED;
    case EXTENSION: {
      const path = resolved.path;
      if (!occursAt(key, pos, path)) return UNCHANGED;
      const child = remove(resolved.child, key, pos + path.length, resolve);
      if (child === UNCHANGED) return UNCHANGED;
      if (child === null) throw new Error("unreachable: an extension's branch cannot vanish after one delete");
      if (child.kind === BRANCH) {
        resolved.child = child;
        markChanged(resolved);
        return resolved;
      }
      return prependPath(path, child);
    }
    case BRANCH: {
      if (pos === key.length) {
        if (resolved.value === null) return UNCHANGED;
        resolved.value = null;
      } else {
        const child = remove(resolved.children[key[pos]], key, pos + 1, resolve);
        if (child === UNCHANGED) return UNCHANGED;
        resolved.children[key[pos]] = child;
      }
      markChanged(resolved);
      return collapseBranch(resolved, resolve);
    }
  }
}


/** `prefix` followed by a leaf or extension: one node with the joined path (no extension→extension). */
function prependPath(prefix: Uint8Array, node: ResolvedNode): ResolvedNode {
  if (node.kind === LEAF) return leafNode(concatNibbles(prefix, node.path), node.value);
  if (node.kind === EXTENSION) return extensionNode(concatNibbles(prefix, node.path), node.child);
  return extensionNode(prefix, node);
}

/** A branch needs at least two occupied slots (children + value); with one it becomes that entry. */
function collapseBranch(branch: BranchNode, resolve: NodeResolver): ResolvedNode {
  let occupied = branch.value === null ? 0 : 1;
  let only = -1;
  for (let i = 0; i < 16; i++) {
    if (branch.children[i] !== null) {
      occupied++;
      only = i;
    }
  }
  if (occupied >= 2) return branch;
  if (occupied === 0) throw new Error("unreachable: a branch had a single entry before this delete");
  if (only === -1) return leafNode(new Uint8Array(0), branch.value as Uint8Array);
  const child = branch.children[only] as TrieNode;
  const resolved = child.kind === HASHED ? resolve(child) : child;
  return prependPath(Uint8Array.of(only), resolved);
}
