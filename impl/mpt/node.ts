/**
 * The trie's nodes as plain objects (Yellow Paper App. D): a leaf and an extension carry a
 * nibble path, a branch has 16 child slots plus a value slot. `ref` caches the node's
 * reference in its parent (its RLP when shorter than 32 bytes, else keccak-256 of it); null
 * means "changed since last hashed", so hashing is deferred to root()/commit.
 * `persisted` says the node's encoding is already in the node store.
 */

export const LEAF = 0;
export const EXTENSION = 1;
export const BRANCH = 2;
/** A node known only by its hash, loaded from the store on first use. */
export const HASHED = 3;

export interface LeafNode {
  kind: typeof LEAF;
  path: Uint8Array;
  value: Uint8Array;
  ref: Uint8Array | null;
  persisted: boolean;
}

export interface ExtensionNode {
  kind: typeof EXTENSION;
  /** Never empty (a zero-length extension is not canonical). */
  path: Uint8Array;
  /** Always a branch once resolved: an extension never points at a leaf or an extension. */
  child: TrieNode;
  ref: Uint8Array | null;
  persisted: boolean;
}

export interface BranchNode {
  kind: typeof BRANCH;
  children: (TrieNode | null)[];
  value: Uint8Array | null;
  ref: Uint8Array | null;
  persisted: boolean;
}

export interface HashedNode {
  kind: typeof HASHED;
  ref: Uint8Array;
  persisted: true;
}

export type TrieNode = LeafNode | ExtensionNode | BranchNode | HashedNode;
export type ResolvedNode = LeafNode | ExtensionNode | BranchNode;

export function leafNode(path: Uint8Array, value: Uint8Array): LeafNode {
  return { kind: LEAF, path, value, ref: null, persisted: false };
}

export function extensionNode(path: Uint8Array, child: TrieNode): ExtensionNode {
  return { kind: EXTENSION, path, child, ref: null, persisted: false };
}

export function emptyBranchNode(): BranchNode {
  return {
    kind: BRANCH,
    children: [null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null],
    value: null,
    ref: null,
    persisted: false,
  };
}

export function hashedNode(hash: Uint8Array): HashedNode {
  return { kind: HASHED, ref: hash, persisted: true };
}
