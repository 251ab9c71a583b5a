import { BRANCH, EXTENSION } from "./node.ts";
import type { ResolvedNode, TrieNode } from "./node.ts";
import { encodeNode } from "./node-encoding.ts";

/**
 * Visits every node not yet in the store (children first) with its RLP and marks it persisted.
 * Call after root(), so every reference is cached and encoding hashes nothing new.
 */
export function collectUnpersisted(node: TrieNode, visit: (node: ResolvedNode, encoded: Uint8Array) => void): void {
  if (node.persisted) return;
  const resolved = node as ResolvedNode;
  if (resolved.kind === BRANCH) {
    for (const child of resolved.children) if (child !== null) collectUnpersisted(child, visit);
  } else if (resolved.kind === EXTENSION) {
    collectUnpersisted(resolved.child, visit);
  }
  visit(resolved, encodeNode(resolved));
  resolved.persisted = true;
}
