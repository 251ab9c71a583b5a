import { HASH_BYTES } from "../sha256.ts";
import { emptyTreeRoot, hashChildren, hashLeaf } from "./hashing.ts";

/**
 * The compact range [0, size) of an append-only RFC 9162 log: one root per set bit of `size`,
 * largest subtree first (the "frontier" of Trillian's compact ranges). It holds O(log n)
 * hashes, yet appending and taking the root give the same MTH as building the whole tree.
 * A value: appending returns a new frontier and leaves the old one intact.
 */
export interface Frontier {
  readonly size: number;
  /** Roots of the perfect subtrees that make up [0, size), left to right. */
  readonly peaks: readonly Uint8Array[];
}

export const EMPTY_FRONTIER: Frontier = Object.freeze({ size: 0, peaks: Object.freeze([]) });

export function appendLeaf(frontier: Frontier, data: Uint8Array): Frontier {
  return appendLeafHash(frontier, hashLeaf(data));
}

/** Adds one leaf hash; equal-sized neighbours merge, as in binary addition of 1 to `size`. */
export function appendLeafHash(frontier: Frontier, leafHash: Uint8Array): Frontier {
  if (leafHash.length !== HASH_BYTES) throw new Error(`leaf hash has ${leafHash.length} bytes, expected ${HASH_BYTES}`);
  const peaks = [...frontier.peaks];
  let node = leafHash;
  for (let carry = frontier.size; carry % 2 === 1; carry = Math.floor(carry / 2)) {
    const left = peaks.pop();
    if (left === undefined) throw new Error(`frontier of size ${frontier.size} has too few peaks`);
    node = hashChildren(left, node);
  }
  peaks.push(node);
  return { size: frontier.size + 1, peaks };
}

/** MTH of the leaves appended so far: the peaks folded right to left (RFC 9162 §2.1.1 splits). */
export function frontierRoot(frontier: Frontier): Uint8Array {
  const { peaks } = frontier;
  if (peaks.length === 0) return emptyTreeRoot();
  let root = peaks[peaks.length - 1];
  for (let i = peaks.length - 2; i >= 0; i--) root = hashChildren(peaks[i], root);
  return root;
}
