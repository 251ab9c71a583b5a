import type { MerkleScheme, SchemeTree } from "../scheme.ts";
import { bitcoinBranch, bitcoinLevels, bitcoinMerkleRoot, verifyBitcoinBranch } from "./tree.ts";

export const bitcoinScheme: MerkleScheme = {
  name: "bitcoin",
  build(leaves): SchemeTree {
    const levels = bitcoinLevels(leaves);
    return {
      size: leaves.length,
      root: () => bitcoinMerkleRoot(leaves),
      prove: (leafIndex) => ({ leafIndex, treeSize: leaves.length, path: bitcoinBranch(levels, leafIndex) }),
      // Every node above the txids is hashed (an odd node is paired with itself, not carried).
      internalNodes: () => levels.slice(1).flat(),
    };
  },
  verify: (root, leaf, proof) => verifyBitcoinBranch(leaf, proof.leafIndex, proof.treeSize, proof.path, root).valid,
};
