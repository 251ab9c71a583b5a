import { MerkleError, ACCEPTED, rejected, type Verdict } from "../errors.ts";
import { HASH_BYTES, bytesEqual } from "../sha256.ts";
import { hashChildren } from "./hashing.ts";
import { walkAuditPath } from "./path-walk.ts";
import { levelWidth, nodeAt, type MerkleTree } from "./tree.ts";

/**
 * RFC 9162 §2.1.3.1 PATH(m, D[n]): the sibling hashes from the leaf up to the root. Walking
 * the stored levels, a node without a right sibling (the carried-up right edge) adds nothing,
 * exactly as the recursive definition adds nothing for a subtree that is the whole range.
 */
export function inclusionProof(tree: MerkleTree, leafIndex: number): Uint8Array[] {
  if (!Number.isSafeInteger(leafIndex) || leafIndex < 0 || leafIndex >= tree.size) {
    throw new MerkleError("index-out-of-range", `leaf index ${leafIndex} is outside a tree of size ${tree.size}`);
  }
  const path: Uint8Array[] = [];
  let index = leafIndex;
  for (let level = 0; level < tree.levels.length - 1; level++) {
    const sibling = index % 2 === 0 ? index + 1 : index - 1;
    if (sibling < levelWidth(tree, level)) path.push(nodeAt(tree, level, sibling));
    index = Math.floor(index / 2);
  }
  return path;
}

/**
 * RFC 9162 §2.1.3.2: the root that `path` implies for `leafHash` at `leafIndex` in a tree of
 * `treeSize` leaves, or the reason the path cannot belong to such a tree. Sizes are plain
 * numbers (exact up to 2^53), so the bit operations of the RFC are written arithmetically.
 */
export function rootFromInclusionProof(leafIndex: number, treeSize: number, leafHash: Uint8Array, path: readonly Uint8Array[]): Uint8Array | string {
  if (leafIndex >= treeSize) return `leaf index ${leafIndex} is not below tree size ${treeSize}`;
  if (leafHash.length !== HASH_BYTES) return `leaf hash has ${leafHash.length} bytes, expected ${HASH_BYTES}`;
  const badHash = path.findIndex((p) => p.length !== HASH_BYTES);
  if (badHash >= 0) return `proof[${badHash}] has ${path[badHash].length} bytes, expected ${HASH_BYTES}`;
  let r = leafHash;
  const end = walkAuditPath(leafIndex, treeSize - 1, path.length, (step, siblingOnLeft) => {
    r = siblingOnLeft ? hashChildren(path[step], r) : hashChildren(r, path[step]);
  });
  if (end === "too-long") return `proof has ${path.length} hashes, more than a tree of size ${treeSize} needs at index ${leafIndex}`;
  if (end === "too-short") return `proof has ${path.length} hashes, fewer than a tree of size ${treeSize} needs at index ${leafIndex}`;
  return r;
}

export function verifyInclusion(leafIndex: number, treeSize: number, leafHash: Uint8Array, path: readonly Uint8Array[], root: Uint8Array): Verdict {
  const computed = rootFromInclusionProof(leafIndex, treeSize, leafHash, path);
  if (typeof computed === "string") return rejected(computed);
  return bytesEqual(computed, root) ? ACCEPTED : rejected("the proof leads to a different root");
}
