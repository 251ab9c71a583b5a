import { BRANCH, EXTENSION, HASHED, LEAF } from "./node.ts";
import type { TrieNode } from "./node.ts";
import type { NodeResolver } from "./node-resolver.ts";

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
        return pathEquals(node.path, key, pos) ? node.value : null;
      case EXTENSION:
        if (!pathStartsWith(key, pos, node.path)) return null;
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

function pathEquals(path: Uint8Array, key: Uint8Array, pos: number): boolean {
  return key.length - pos === path.length && pathStartsWith(key, pos, path);
}

function pathStartsWith(key: Uint8Array, pos: number, path: Uint8Array): boolean {
  if (key.length - pos < path.length) return false;
  for (let i = 0; i < path.length; i++) if (key[pos + i] !== path[i]) return false;
  return true;
}
