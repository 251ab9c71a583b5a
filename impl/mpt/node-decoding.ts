import { keccak256 } from "./keccak-256.ts";
import { hexPrefixDecode } from "./nibbles.ts";
import { rlpDecode } from "./rlp.ts";
import type { RlpItem } from "./rlp.ts";
import { BRANCH, EXTENSION, LEAF, hashedNode } from "./node.ts";
import type { ResolvedNode, TrieNode } from "./node.ts";

/** A node encoding that is not one of App. D's three shapes; the message says which rule it breaks. */
export class MalformedNodeError extends Error {
  override readonly name = "MalformedNodeError";
}

function childFromItem(item: RlpItem, where: string): TrieNode | null {
  if (Array.isArray(item)) return nodeFromItems(item, null);
  if (item.length === 0) return null;
  if (item.length === 32) return hashedNode(item);
  throw new MalformedNodeError(`${where} is a ${item.length}-byte string; a child reference is empty, a 32-byte hash or an embedded node`);
}

function nodeFromItems(items: RlpItem, ref: Uint8Array | null): ResolvedNode {
  if (!Array.isArray(items)) throw new MalformedNodeError("node is an RLP string; a trie node is an RLP list");
  if (items.length === 17) {
    const children: (TrieNode | null)[] = [];
    for (let i = 0; i < 16; i++) children.push(childFromItem(items[i], `branch slot ${i}`));
    const value = items[16];
    if (Array.isArray(value)) throw new MalformedNodeError("branch value slot is a list");
    return { kind: BRANCH, children, value: value.length === 0 ? null : value, ref, persisted: true };
  }
  if (items.length !== 2) throw new MalformedNodeError(`node is a list of ${items.length} items; App. D nodes have 2 (leaf, extension) or 17 (branch)`);
  const [encodedPath, second] = items;
  if (Array.isArray(encodedPath)) throw new MalformedNodeError("node path is a list, not a hex-prefix string");
  let decoded;
  try {
    decoded = hexPrefixDecode(encodedPath);
  } catch (error) {
    throw new MalformedNodeError((error as Error).message);
  }
  if (decoded.isLeaf) {
    if (Array.isArray(second) || second.length === 0) throw new MalformedNodeError("leaf value must be a non-empty byte string");
    return { kind: LEAF, path: decoded.path, value: second, ref, persisted: true };
  }
  if (decoded.path.length === 0) throw new MalformedNodeError("extension has an empty path");
  const child = childFromItem(second, "extension child");
  if (child === null) throw new MalformedNodeError("extension has no child");
  return { kind: EXTENSION, path: decoded.path, child, ref, persisted: true };
}

/**
 * Decodes a node's RLP as read from a store or a proof. Embedded children become nodes at once,
 * hashed children stay `HashedNode`s until someone walks into them.
 */
export function decodeNode(encoded: Uint8Array): ResolvedNode {
  let items: RlpItem;
  try {
    items = rlpDecode(encoded);
  } catch (error) {
    throw new MalformedNodeError(`node is not valid RLP: ${(error as Error).message}`);
  }
  return nodeFromItems(items, encoded.length < 32 ? encoded : keccak256(encoded));
}
