import { HASH_BYTES, sha256Into } from "../sha256.ts";
import { LEAF_PREFIX, NODE_PREFIX, emptyTreeRoot } from "./hashing.ts";

/**
 * An RFC 9162 §2.1.1 Merkle tree, one Buffer per level. Level k holds its w_k nodes in slots
 * of 65 bytes, 0x01 ‖ node 2p ‖ node 2p+1: each slot is byte for byte the input of the parent's
 * hash, so the build hashes a view of the level instead of copying the children out, and each
 * digest is written straight into its place in the next level. The top level holds the root.
 *
 * RFC 9162 splits D[n] at k, the largest power of two below n. Because every left part is a
 * complete tree, pairing nodes bottom-up and carrying a lone last node up unchanged yields
 * exactly those subtrees: node (k, i) is MTH(D[i·2^k : min((i+1)·2^k, n)]). That lets the
 * build run level by level over contiguous memory instead of recursing.
 */
export interface MerkleTree {
  readonly size: number;
  readonly levels: readonly Uint8Array[];
  /** Nodes per level: widths[0] = size, widths[k + 1] = ⌈widths[k] / 2⌉, down to 1. */
  readonly widths: readonly number[];
}

const SLOT_BYTES = 1 + 2 * HASH_BYTES;

/** Where node i of a level starts: its pair's slot, after the prefix byte, left or right half. */
function nodeOffset(index: number): number {
  return Math.floor(index / 2) * SLOT_BYTES + 1 + (index % 2) * HASH_BYTES;
}

function emptyLevel(width: number): Buffer {
  const level = Buffer.alloc(Math.ceil(width / 2) * SLOT_BYTES);
  for (let slot = 0; slot < level.length; slot += SLOT_BYTES) level[slot] = NODE_PREFIX;
  return level;
}

/** Inputs up to this length are prefixed in a reused scratch buffer instead of a fresh one. */
const LEAF_SCRATCH_BYTES = 1024;

export function buildMerkleTree(leaves: readonly Uint8Array[]): MerkleTree {
  const n = leaves.length;
  const level0 = emptyLevel(n);
  const scratch = new Uint8Array(LEAF_SCRATCH_BYTES + 1);
  scratch[0] = LEAF_PREFIX;
  let view = scratch.subarray(0, 1);
  for (let i = 0; i < n; i++) {
    const data = leaves[i];
    let input: Uint8Array;
    if (data.length <= LEAF_SCRATCH_BYTES) {
      if (view.length !== data.length + 1) view = scratch.subarray(0, data.length + 1);
      scratch.set(data, 1);
      input = view;
    } else {
      input = new Uint8Array(data.length + 1);
      input[0] = LEAF_PREFIX;
      input.set(data, 1);
    }
    sha256Into(input, level0, nodeOffset(i));
  }
  return buildLevelsAbove(level0, n);
}

/** The tree over n leaf hashes given back to back (n × 32 bytes). */
export function buildFromLeafHashes(leafHashes: Uint8Array, n: number): MerkleTree {
  if (leafHashes.length !== n * HASH_BYTES) throw new Error(`expected ${n} leaf hashes of ${HASH_BYTES} bytes, got ${leafHashes.length} bytes`);
  const level0 = emptyLevel(n);
  for (let i = 0; i < n; i++) level0.set(leafHashes.subarray(i * HASH_BYTES, (i + 1) * HASH_BYTES), nodeOffset(i));
  return buildLevelsAbove(level0, n);
}

function buildLevelsAbove(level0: Buffer, n: number): MerkleTree {
  const levels: Uint8Array[] = [level0];
  const widths: number[] = [n];
  let below = level0;
  let count = n;
  while (count > 1) {
    const pairs = Math.floor(count / 2);
    const nextCount = count - pairs;
    const next = emptyLevel(nextCount);
    for (let i = 0; i < pairs; i++) sha256Into(below.subarray(i * SLOT_BYTES, (i + 1) * SLOT_BYTES), next, nodeOffset(i));
    // RFC 9162 §2.1.1: the lone right-most node is the whole right subtree D[k:n]; it moves up as is.
    if (nextCount > pairs) below.copy(next, nodeOffset(pairs), nodeOffset(count - 1), nodeOffset(count - 1) + HASH_BYTES);
    levels.push(next);
    widths.push(nextCount);
    below = next;
    count = nextCount;
  }
  return { size: n, levels, widths };
}

/** MTH(D[n]); the empty tree's root is SHA-256 of the empty string (RFC 9162 §2.1.1). */
export function treeRoot(tree: MerkleTree): Uint8Array {
  if (tree.size === 0) return emptyTreeRoot();
  return nodeAt(tree, tree.levels.length - 1, 0);
}

/** A copy of node `index` on `level` (0 = leaf hashes). */
export function nodeAt(tree: MerkleTree, level: number, index: number): Uint8Array {
  const nodes = tree.levels[level];
  if (nodes === undefined || !Number.isInteger(index) || index < 0 || index >= tree.widths[level]) {
    throw new Error(`no node ${index} on level ${level} of a tree of size ${tree.size}`);
  }
  const offset = nodeOffset(index);
  // Levels are Buffers, whose slice() is a view: copy, so no caller can change the tree.
  return Uint8Array.from(nodes.subarray(offset, offset + HASH_BYTES));
}

/** Number of nodes on `level`. */
export function levelWidth(tree: MerkleTree, level: number): number {
  return tree.widths[level] ?? 0;
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
