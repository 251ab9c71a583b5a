import type { MerkleScheme, SchemeTree } from "../scheme.ts";
import { HASH_BYTES } from "../sha256.ts";
import { bitcoinBranch, bitcoinLevels, verifyBitcoinBranch } from "./tree.ts";

export const bitcoinScheme: MerkleScheme = {
  name: "bitcoin",
  build(leaves): SchemeTree {
    const levels = bitcoinLevels(leaves);
    // bitcoinMerkleRoot's rule, read off the levels already built: all zeros for no txids.
    const root = leaves.length === 0 ? new Uint8Array(HASH_BYTES) : levels[levels.length - 1][0];
    return {
      size: leaves.length,
      root: () => root,
      prove: (leafIndex) => ({ leafIndex, treeSize: leaves.length, path: bitcoinBranch(levels, leafIndex) }),
      // Every node above the txids is hashed (an odd node is paired with itself, not carried).
      internalNodes: () => levels.slice(1).flat(),
    };
  },
  verify: (root, leaf, proof) => verifyBitcoinBranch(leaf, proof.leafIndex, proof.treeSize, proof.path, root).valid,
};
