import { MerkleError, ACCEPTED, rejected, type Verdict } from "../errors.ts";
import { HASH_BYTES, bytesEqual } from "../sha256.ts";
import { emptyTreeRoot, hashChildren } from "./hashing.ts";
import { walkAuditPath } from "./path-walk.ts";
import { subtreeHash, type MerkleTree } from "./tree.ts";

function largestPowerOfTwoBelow(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/**
 * RFC 9162 §2.1.4.1 PROOF(m, D[n]) = SUBPROOF(m, D[n], true): the proof that the tree of the
 * first m leaves is a prefix of this tree. Defined for 0 < m ≤ n (empty when m = n); m = 0
 * gets the empty proof too, since the empty tree is a prefix of every tree.
 */
export function consistencyProof(tree: MerkleTree, size1: number): Uint8Array[] {
  if (!Number.isSafeInteger(size1) || size1 < 0 || size1 > tree.size) {
    throw new MerkleError("size-out-of-range", `size ${size1} is not between 0 and the tree size ${tree.size}`);
  }
  if (size1 === 0 || size1 === tree.size) return [];
  const proof: Uint8Array[] = [];
  subproof(tree, size1, 0, tree.size, true, proof);
  return proof;
}

/** SUBPROOF(m, D[start:end], b), appending to `out` in the RFC's order. */
function subproof(tree: MerkleTree, m: number, start: number, end: number, wholeOldTree: boolean, out: Uint8Array[]): void {
  const n = end - start;
  if (m === n) {
    if (!wholeOldTree) out.push(subtreeHash(tree, start, end));
    return;
  }
  const k = largestPowerOfTwoBelow(n);
  if (m <= k) {
    subproof(tree, m, start, start + k, wholeOldTree, out);
    out.push(subtreeHash(tree, start + k, end));
  } else {
    subproof(tree, m - k, start + k, end, false, out);
    out.push(subtreeHash(tree, start, start + k));
  }
}

/**
 * RFC 9162 §2.1.4.2, for 0 < size1 < size2; the two trivial cases follow RFC 9162 §2.1.4
 * (m = n: the empty proof and equal roots; m = 0: the empty proof, root1 = MTH({})).
 */
export function verifyConsistency(size1: number, size2: number, root1: Uint8Array, root2: Uint8Array, proof: readonly Uint8Array[]): Verdict {
  if (size1 > size2) return rejected(`size1 ${size1} is larger than size2 ${size2}`);
  const badHash = proof.findIndex((p) => p.length !== HASH_BYTES);
  if (badHash >= 0) return rejected(`proof[${badHash}] has ${proof[badHash].length} bytes, expected ${HASH_BYTES}`);
  if (size1 === size2) {
    if (proof.length > 0) return rejected("equal sizes need the empty proof");
    return bytesEqual(root1, root2) ? ACCEPTED : rejected("equal sizes but different roots");
  }
  if (size1 === 0) {
    if (proof.length > 0) return rejected("an empty first tree needs the empty proof");
    return bytesEqual(root1, emptyTreeRoot()) ? ACCEPTED : rejected("root1 is not the empty tree's root");
  }
  if (proof.length === 0) return rejected("the proof is empty");
  // Step 2: when size1 is a power of two, the old root itself starts the path.
  const path = isPowerOfTwo(size1) ? [root1, ...proof] : [...proof];
  let fn = size1 - 1;
  let sn = size2 - 1;
  while (fn % 2 === 1) {
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  let fr = path[0];
  let sr = path[0];
  const end = walkAuditPath(fn, sn, path.length - 1, (step, siblingOnLeft) => {
    const c = path[step + 1];
    if (siblingOnLeft) {
      fr = hashChildren(c, fr);
      sr = hashChildren(c, sr);
    } else {
      sr = hashChildren(sr, c);
    }
  });
  if (end === "too-long") return rejected("the proof is longer than the sizes allow");
  if (end === "too-short") return rejected("the proof is shorter than the sizes need");
  if (!bytesEqual(fr, root1)) return rejected("the proof does not lead to root1");
  if (!bytesEqual(sr, root2)) return rejected("the proof does not lead to root2");
  return ACCEPTED;
}

function isPowerOfTwo(n: number): boolean {
  let k = 1;
  while (k < n) k *= 2;
  return k === n;
}
