import type { MerkleScheme, SchemeTree } from "../scheme.ts";
import { hashLeaf } from "./hashing.ts";
import { inclusionProof, verifyInclusion } from "./inclusion.ts";
import { buildMerkleTree, levelWidth, nodeAt, treeRoot } from "./tree.ts";

export const rfc6962Scheme: MerkleScheme = {
  name: "rfc6962",
  build(leaves): SchemeTree {
    const tree = buildMerkleTree(leaves);
    return {
      size: tree.size,
      root: () => treeRoot(tree),
      prove: (leafIndex) => ({ leafIndex, treeSize: tree.size, path: inclusionProof(tree, leafIndex) }),
      internalNodes() {
        const nodes: Uint8Array[] = [];
        for (let level = 1; level < tree.levels.length; level++) {
          const hashed = Math.floor(levelWidth(tree, level - 1) / 2);
          for (let i = 0; i < hashed; i++) nodes.push(nodeAt(tree, level, i));
        }
        return nodes;
      },
    };
  },
  verify: (root, leaf, proof) => verifyInclusion(proof.leafIndex, proof.treeSize, hashLeaf(leaf), proof.path, root).valid,
};
