import { describe, expect, it } from "vitest";
import { MerkleError, buildMerkleTree, consistencyProof, emptyTreeRoot, treeRoot, verifyConsistency } from "../../../impl/merkle/index.ts";
import { sampleLeaves } from "../../../properties/merkle/sample-leaves.ts";

const leaves = sampleLeaves(40);
const rootOf = (n: number): Uint8Array => treeRoot(buildMerkleTree(leaves.slice(0, n)));

describe("RFC 9162 consistency proofs", () => {
  it("verifies the proof of every pair 0 ≤ m ≤ n ≤ 40", () => {
    for (let n = 0; n <= 40; n++) {
      const tree = buildMerkleTree(leaves.slice(0, n));
      for (let m = 0; m <= n; m++) expect(verifyConsistency(m, n, rootOf(m), treeRoot(tree), consistencyProof(tree, m)), `${m} → ${n}`).toEqual({ valid: true });
    }
  });

  it("refuses sizes outside 0..n with a typed error", () => {
    const tree = buildMerkleTree(leaves.slice(0, 4));
    expect(() => consistencyProof(tree, 5)).toThrow(MerkleError);
    expect(() => consistencyProof(tree, -1)).toThrow(/not between 0 and the tree size 4/);
  });

  it("names why a proof is rejected", () => {
    const tree = buildMerkleTree(leaves.slice(0, 7));
    const proof = consistencyProof(tree, 3);
    const [root3, root7] = [rootOf(3), treeRoot(tree)];
    expect(verifyConsistency(7, 3, root7, root3, proof).error).toMatch(/larger than size2/);
    expect(verifyConsistency(3, 7, root3, root7, [proof[0].subarray(1)]).error).toMatch(/proof\[0\] has 31 bytes/);
    expect(verifyConsistency(7, 7, root7, root7, proof).error).toMatch(/equal sizes need the empty proof/);
    expect(verifyConsistency(7, 7, root7, root3, []).error).toMatch(/different roots/);
    expect(verifyConsistency(0, 7, emptyTreeRoot(), root7, proof).error).toMatch(/empty first tree needs the empty proof/);
    expect(verifyConsistency(0, 7, root3, root7, []).error).toMatch(/not the empty tree's root/);
    expect(verifyConsistency(3, 7, root3, root7, []).error).toMatch(/the proof is empty/);
    expect(verifyConsistency(3, 7, root3, root7, [...proof, root7]).error).toMatch(/longer than the sizes allow/);
    expect(verifyConsistency(3, 7, root3, root7, proof.slice(0, -1)).error).toMatch(/shorter than the sizes need/);
    expect(verifyConsistency(3, 7, root7, root7, proof).error).toMatch(/does not lead to root1/);
    expect(verifyConsistency(3, 7, root3, root3, proof).error).toMatch(/does not lead to root2/);
  });
});
