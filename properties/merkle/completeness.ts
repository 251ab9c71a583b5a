import type { MerkleScheme, SchemeTree } from "../../impl/merkle/index.ts";
import { describeThrow, firstFailing, range, searchTreeSizes, type MerkleProperty } from "./property.ts";
import { sampleLeaves } from "./sample-leaves.ts";

export interface LeafCase {
  treeSize: number;
  leafIndex: number;
}

/** Whether the honest proof of `leafIndex` verifies; a description of the failure if not. */
export function honestProofFailure(scheme: MerkleScheme, tree: SchemeTree, leaves: readonly Uint8Array[], leafIndex: number): string | undefined {
  return describeThrow(() =>
    scheme.verify(tree.root(), leaves[leafIndex], tree.prove(leafIndex)) ? undefined : `the honest proof of leaf ${leafIndex} in a tree of ${tree.size} leaves is rejected`,
  );
}

/** The first leaf of a tree of n sample leaves whose honest proof fails, if any. */
export function firstIncompleteLeaf(scheme: MerkleScheme, n: number): LeafCase | undefined {
  const leaves = sampleLeaves(n);
  const tree = scheme.build(leaves);
  const leafIndex = firstFailing(range(0, n - 1), (i) => honestProofFailure(scheme, tree, leaves, i) !== undefined);
  return leafIndex === undefined ? undefined : { treeSize: n, leafIndex };
}

/**
 * M1 completeness (catalogue A35/A36–A38, Theorem 5.1): every leaf's honest proof verifies.
 * Exhaustive for n ∈ [1, 64], then sampled n ≤ 4096 (all leaves of each sampled tree).
 */
export const completeness: MerkleProperty<LeafCase> = {
  name: "M1 completeness",
  scope: "every leaf of every tree of 1..64 leaves, then every leaf of fast-check-sampled sizes up to 4096",
  meaning: "an honest prover cannot convince a verifier that a leaf which is in the tree is in it",
  check(scheme, { treeSize, leafIndex }) {
    const leaves = sampleLeaves(treeSize);
    return honestProofFailure(scheme, scheme.build(leaves), leaves, leafIndex);
  },
  search: (scheme, budget) => searchTreeSizes((n) => firstIncompleteLeaf(scheme, n), budget),
};
