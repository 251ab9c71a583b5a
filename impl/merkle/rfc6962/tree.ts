import { HASH_BYTES, sha256Into } from "../sha256.ts";
import { LEAF_PREFIX, NODE_PREFIX, emptyTreeRoot } from "./hashing.ts";

/**
 * An RFC 9162 §2.1.1 Merkle tree held as one flat Uint8Array per level: `levels[0]` holds the
 * n leaf hashes back to back (32 bytes each), `levels[k]` the ⌈n / 2^k⌉ nodes above them,
 * and the last level the root alone.
 *
 * RFC 9162 splits D[n] at k, the largest power of two below n. Because every left part is a
 * complete tree, pairing nodes bottom-up and carrying a lone last node up unchanged yields
 * exactly those subtrees: node (k, i) is MTH(D[i·2^k : min((i+1)·2^k, n)]). That lets the
 * build run level by level over contiguous memory instead of recursing.
 */
export interface MerkleTree {
  readonly size: number;
  readonly levels: readonly Uint8Array[];
}

/** Inputs up to this length are prefixed in a reused scratch buffer instead of a fresh one. */
const LEAF_SCRATCH_BYTES = 1024;

export function buildMerkleTree(leaves: readonly Uint8Array[]): MerkleTree {
  const n = leaves.length;
  const leafHashes = Buffer.allocUnsafe(n * HASH_BYTES);
  const scratch = new Uint8Array(LEAF_SCRATCH_BYTES + 1);
  scratch[0] = LEAF_PREFIX;
  for (let i = 0; i < n; i++) {
    const data = leaves[i];
    let input: Uint8Array;
    if (data.length <= LEAF_SCRATCH_BYTES) {
      scratch.set(data, 1);
      input = scratch.subarray(0, data.length + 1);
    } else {
      input = new Uint8Array(data.length + 1);
      input[0] = LEAF_PREFIX;
      input.set(data, 1);
    }
    sha256Into(input, leafHashes, i * HASH_BYTES);
  }
  return buildFromLeafHashes(leafHashes, n);
}

/** Builds the levels above `leafHashes` (n hashes back to back, owned by the tree from now on). */
export function buildFromLeafHashes(leafHashes: Uint8Array, n: number): MerkleTree {
  if (leafHashes.length !== n * HASH_BYTES) throw new Error(`expected ${n} leaf hashes of ${HASH_BYTES} bytes, got ${leafHashes.length} bytes`);
  const levels: Uint8Array[] = [leafHashes];
  const input = Buffer.alloc(1 + 2 * HASH_BYTES);
  input[0] = NODE_PREFIX;
  let below = Buffer.from(leafHashes.buffer, leafHashes.byteOffset, leafHashes.byteLength);
  let count = n;
  while (count > 1) {
    const pairs = Math.floor(count / 2);
    const nextCount = count - pairs;
    const next = Buffer.allocUnsafe(nextCount * HASH_BYTES);
    for (let i = 0; i < pairs; i++) {
      below.copy(input, 1, 2 * i * HASH_BYTES, (2 * i + 2) * HASH_BYTES);
      sha256Into(input, next, i * HASH_BYTES);
    }
    // RFC 9162 §2.1.1: the lone right-most node is the whole right subtree D[k:n]; it moves up as is.
    if (nextCount > pairs) below.copy(next, pairs * HASH_BYTES, (count - 1) * HASH_BYTES, count * HASH_BYTES);
    levels.push(next);
    below = next;
    count = nextCount;
  }
  return { size: n, levels };
}

/** MTH(D[n]); the empty tree's root is SHA-256 of the empty string (RFC 9162 §2.1.1). */
export function treeRoot(tree: MerkleTree): Uint8Array {
  if (tree.size === 0) return emptyTreeRoot();
  return nodeAt(tree, tree.levels.length - 1, 0);
}

/** A copy of node `index` on `level` (0 = leaf hashes). */
export function nodeAt(tree: MerkleTree, level: number, index: number): Uint8Array {
  const nodes = tree.levels[level];
  if (nodes === undefined || index < 0 || (index + 1) * HASH_BYTES > nodes.length) {
    throw new Error(`no node ${index} on level ${level} of a tree of size ${tree.size}`);
  }
  return nodes.slice(index * HASH_BYTES, (index + 1) * HASH_BYTES);
}

/** Number of nodes on `level`. */
export function levelWidth(tree: MerkleTree, level: number): number {
  return (tree.levels[level]?.length ?? 0) / HASH_BYTES;
}

/**
 * MTH(D[start:end]) for a range the RFC 9162 recursion can produce: aligned to 2^k with
 * k = ⌈log₂(end − start)⌉, and either complete or ending at the tree's right edge.
 */
export function subtreeHash(tree: MerkleTree, start: number, end: number): Uint8Array {
  const width = end - start;
  let level = 0;
  while (2 ** level < width) level++;
  const span = 2 ** level;
  if (width <= 0 || start % span !== 0 || (width !== span && end !== tree.size) || end > tree.size) {
    throw new Error(`D[${start}:${end}] is not a subtree of a tree of size ${tree.size}`);
  }
  return nodeAt(tree, level, start / span);
}
