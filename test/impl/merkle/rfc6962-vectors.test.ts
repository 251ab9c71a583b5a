import { describe, expect, it } from "vitest";
import { buildFromLeafHashes, buildMerkleTree, consistencyProof, inclusionProof, nodeAt, treeRoot, verifyConsistency, verifyInclusion, hashLeaf } from "../../../impl/merkle/index.ts";
import { oracleMth } from "../../../properties/merkle/mth-oracle.ts";
import { loadRfc6962Vectors } from "../../fixtures/merkle/rfc6962-vectors.ts";

const vectors = loadRfc6962Vectors();
const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString("hex");

describe("RFC 6962 known answers (transparency-dev/merkle test vectors)", () => {
  it("has the reference root for every prefix of the 8-leaf tree, sizes 0 to 8", () => {
    for (let size = 0; size <= 8; size++) {
      const root = treeRoot(buildMerkleTree(vectors.leafInputs.slice(0, size)));
      expect(hex(root), `size ${size}`).toBe(hex(vectors.rootHashes[size]));
    }
  });

  it("the independent recursive MTH oracle agrees with the same vectors", () => {
    for (let size = 0; size <= 8; size++) {
      expect(hex(oracleMth(vectors.leafInputs.slice(0, size))), `size ${size}`).toBe(hex(vectors.rootHashes[size]));
    }
  });

  it("builds the same tree from the leaf hashes alone", () => {
    const flat = Uint8Array.from(vectors.nodeHashes[0].flatMap((h) => [...h]));
    expect(hex(treeRoot(buildFromLeafHashes(flat, 8)))).toBe(hex(vectors.rootHashes[8]));
    expect(hex(treeRoot(buildFromLeafHashes(flat.subarray(0, 5 * 32), 5)))).toBe(hex(vectors.rootHashes[5]));
  });

  it("stores every complete-subtree hash of the 8-leaf tree where the reference lists it", () => {
    const tree = buildMerkleTree(vectors.leafInputs);
    vectors.nodeHashes.forEach((level, k) => level.forEach((node, i) => expect(hex(nodeAt(tree, k, i)), `node (${k}, ${i})`).toBe(hex(node))));
  });

  it.each(vectors.inclusionProofs)("generates and verifies the reference inclusion proof of leaf $leafIndex in a tree of $treeSize", ({ leafIndex, treeSize, proof }) => {
    const tree = buildMerkleTree(vectors.leafInputs.slice(0, treeSize));
    expect(inclusionProof(tree, leafIndex).map(hex)).toEqual(proof.map(hex));
    const leafHash = hashLeaf(vectors.leafInputs[leafIndex]);
    expect(verifyInclusion(leafIndex, treeSize, leafHash, proof, vectors.rootHashes[treeSize])).toEqual({ valid: true });
  });

  it.each(vectors.consistencyProofs)("generates and verifies the reference consistency proof from $size1 to $size2", ({ size1, size2, proof }) => {
    const tree = buildMerkleTree(vectors.leafInputs.slice(0, size2));
    expect(consistencyProof(tree, size1).map(hex)).toEqual(proof.map(hex));
    expect(verifyConsistency(size1, size2, vectors.rootHashes[size1], vectors.rootHashes[size2], proof)).toEqual({ valid: true });
  });
});
