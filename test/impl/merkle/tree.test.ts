import { describe, expect, it } from "vitest";
import { MerkleError, buildMerkleTree, buildFromLeafHashes, emptyTreeRoot, inclusionProof, nodeAt, rootFromInclusionProof, subtreeHash, treeRoot, verifyInclusion, hashLeaf } from "../../../impl/merkle/index.ts";
import { oracleMth } from "../../../properties/merkle/mth-oracle.ts";
import { sampleLeaves } from "../../../properties/merkle/sample-leaves.ts";

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString("hex");

describe("RFC 9162 tree build", () => {
  it("gives the empty tree the hash of the empty string", () => {
    expect(hex(treeRoot(buildMerkleTree([])))).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect(hex(emptyTreeRoot())).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  });

  it("gives a one-leaf tree the leaf hash as root", () => {
    const leaf = Uint8Array.of(1, 2, 3);
    expect(hex(treeRoot(buildMerkleTree([leaf])))).toBe(hex(hashLeaf(leaf)));
  });

  it("agrees with the recursive MTH oracle for every size 0..130", () => {
    const leaves = sampleLeaves(130);
    for (let n = 0; n <= 130; n++) expect(hex(treeRoot(buildMerkleTree(leaves.slice(0, n)))), `n = ${n}`).toBe(hex(oracleMth(leaves.slice(0, n))));
  });

  it("hashes leaves longer than the scratch buffer like short ones", () => {
    const long = new Uint8Array(5000).fill(0xab);
    const leaves = [long, Uint8Array.of(7), long.subarray(1)];
    expect(hex(treeRoot(buildMerkleTree(leaves)))).toBe(hex(oracleMth(leaves)));
  });

  it("hands out copies of its nodes, so a caller cannot change the tree", () => {
    const tree = buildMerkleTree(sampleLeaves(4));
    const before = hex(treeRoot(tree));
    nodeAt(tree, 0, 1).fill(0);
    treeRoot(tree).fill(0);
    inclusionProof(tree, 0)[0].fill(0);
    expect(hex(treeRoot(tree))).toBe(before);
    expect(hex(nodeAt(tree, 0, 1))).toBe(hex(hashLeaf(sampleLeaves(4)[1])));
  });

  it("rejects a leaf-hash buffer whose length does not match the size", () => {
    expect(() => buildFromLeafHashes(new Uint8Array(33), 1)).toThrow(/expected 1 leaf hashes/);
  });

  it("refuses nodes and subtrees that do not exist", () => {
    const tree = buildMerkleTree(sampleLeaves(5));
    expect(() => nodeAt(tree, 0, 5)).toThrow(/no node 5 on level 0/);
    expect(() => nodeAt(tree, 9, 0)).toThrow(/no node 0 on level 9/);
    expect(() => subtreeHash(tree, 1, 3)).toThrow(/not a subtree/);
    expect(() => subtreeHash(tree, 0, 6)).toThrow(/not a subtree/);
    expect(hex(subtreeHash(tree, 4, 5))).toBe(hex(oracleMth(sampleLeaves(5).slice(4))));
  });
});

describe("RFC 9162 inclusion proofs", () => {
  it("refuses to prove an index outside the tree with a typed error", () => {
    const tree = buildMerkleTree(sampleLeaves(3));
    for (const index of [3, -1, 1.5, Number.NaN]) {
      expect(() => inclusionProof(tree, index)).toThrow(MerkleError);
    }
    expect(() => inclusionProof(buildMerkleTree([]), 0)).toThrow(/outside a tree of size 0/);
  });

  it("names why a proof is rejected", () => {
    const leaves = sampleLeaves(6);
    const tree = buildMerkleTree(leaves);
    const root = treeRoot(tree);
    const leafHash = hashLeaf(leaves[4]);
    const path = inclusionProof(tree, 4);
    expect(verifyInclusion(4, 6, leafHash, path, root)).toEqual({ valid: true });
    expect(verifyInclusion(6, 6, leafHash, path, root).error).toMatch(/not below tree size/);
    expect(verifyInclusion(4, 6, leafHash.subarray(1), path, root).error).toMatch(/leaf hash has 31 bytes/);
    expect(verifyInclusion(4, 6, leafHash, [...path, root], root).error).toMatch(/more than a tree of size 6 needs/);
    expect(verifyInclusion(4, 6, leafHash, path.slice(1), root).error).toMatch(/fewer than a tree of size 6 needs/);
    expect(verifyInclusion(4, 6, leafHash, [path[0].subarray(2), path[1]], root).error).toMatch(/proof\[0\] has 30 bytes/);
    expect(verifyInclusion(4, 6, hashLeaf(leaves[3]), path, root).error).toMatch(/different root/);
    expect(typeof rootFromInclusionProof(0, 1, leafHash, [])).not.toBe("string");
  });
});
