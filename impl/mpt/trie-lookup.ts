import { BRANCH, EXTENSION, HASHED, LEAF } from "./node.ts";
import type { TrieNode } from "./node.ts";
import type { NodeResolver } from "./node-resolver.ts";
import { occursAt } from "./equal-bytes.ts";

/**
 * Follows the key's nibbles from `root` (App. D): a branch consumes one nibble (or yields its
 * value slot when the key ends there), an extension its whole path, a leaf must match the rest.
 * Returns the value, or null when the path leaves the trie. `visit` sees every resolved node on
 * the path (proofs collect them).
 */
export function lookup(
  root: TrieNode | null,
  key: Uint8Array,
  resolve: NodeResolver,
  visit?: (node: TrieNode) => void,
): Uint8Array | null {
  let node = root;
  let pos = 0;
  while (node !== null) {
    if (node.kind === HASHED) node = resolve(node);
    visit?.(node);
    switch (node.kind) {
      case LEAF:
        return key.length - pos === node.path.length && occursAt(key, pos, node.path) ? node.value : null;
      case EXTENSION:
        if (!occursAt(key, pos, node.path)) return null;
        pos += node.path.length;
        node = node.child;
        break;
      case BRANCH:
        if (pos === key.length) return node.value;
        node = node.children[key[pos++]];
        break;
    }
  }
  return null;
}

