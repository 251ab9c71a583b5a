import type { MerkleScheme } from "../../impl/merkle/index.ts";
import type { LeafCase } from "./completeness.ts";
import { ceilLog2, describeThrow, firstFailing, range, searchTreeSizes, type MerkleProperty } from "./property.ts";
import { sampleLeaves } from "./sample-leaves.ts";

export interface ProofLengthStats {
  treeSize: number;
  min: number;
  max: number;
  mean: number;
  bound: number;
}

/** Catalogue A35 (d): the proof length of every leaf of a tree of n leaves. */
export function proofLengthStats(scheme: MerkleScheme, treeSize: number): ProofLengthStats {
  const tree = scheme.build(sampleLeaves(treeSize));
  let min = Number.POSITIVE_INFINITY;
  let max = 0;
  let sum = 0;
  for (let i = 0; i < treeSize; i++) {
    const length = tree.prove(i).path.length;
    min = Math.min(min, length);
    max = Math.max(max, length);
    sum += length;
  }
  return { treeSize, min, max, mean: sum / treeSize, bound: ceilLog2(treeSize) };
}

function firstOversizedProof(scheme: MerkleScheme, treeSize: number): LeafCase | undefined {
  const tree = scheme.build(sampleLeaves(treeSize));
  const leafIndex = firstFailing(range(0, treeSize - 1), (i) => tree.prove(i).path.length > ceilLog2(treeSize));
  return leafIndex === undefined ? undefined : { treeSize, leafIndex };
}

/** M4 proof size (Theorem 5.1): at most ⌈log₂ n⌉ hashes. Exhaustive n ≤ 64, sampled n ≤ 4096. */
export const proofSize: MerkleProperty<LeafCase> = {
  name: "M4 proof size",
  scope: "every leaf of trees of 1..64 leaves, then every leaf of sampled sizes up to 4096",
  meaning: "a proof is longer than Theorem 5.1's ⌈log₂ n⌉ hashes",
  check: (scheme, { treeSize, leafIndex }) =>
    describeThrow(() => {
      const length = scheme.build(sampleLeaves(treeSize)).prove(leafIndex).path.length;
      return length > ceilLog2(treeSize) ? `the proof of leaf ${leafIndex} in a tree of ${treeSize} leaves has ${length} hashes, more than ${ceilLog2(treeSize)}` : undefined;
    }),
  search: (scheme, budget) => searchTreeSizes((n) => firstOversizedProof(scheme, n), budget),
};
