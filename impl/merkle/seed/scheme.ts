import type { MerkleScheme, SchemeTree } from "../scheme.ts";
import { SeedMerkleTree } from "./seed-merkle.ts";

/**
 * The seed's tree behind the MerkleScheme interface. Its `verify_proof` is a method that reads
 * only `self.root`, so a light client's check runs that very method against the given root;
 * the claimed tree size is ignored, as in the sketch.
 */
export const seedScheme: MerkleScheme = {
  name: "seed-merkle",
  build(leaves): SchemeTree {
    let tree: SeedMerkleTree | undefined;
    const built = (): SeedMerkleTree => (tree ??= new SeedMerkleTree([...leaves]));
    return {
      size: leaves.length,
      root: () => built().root,
      prove: (leafIndex) => ({ leafIndex, treeSize: leaves.length, path: built().generateProof(leafIndex).proof }),
      internalNodes() {
        const levels = built().tree;
        return levels.slice(1).flatMap((level, k) => level.slice(0, Math.floor(levels[k].length / 2)));
      },
    };
  },
  verify: (root, leaf, proof) => SeedMerkleTree.prototype.verifyProof.call({ root }, leaf, { proof: proof.path, index: proof.leafIndex }),
};
