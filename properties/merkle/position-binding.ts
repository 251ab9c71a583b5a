import fc from "fast-check";
import { bytesEqual, type MerkleScheme, type SchemeProof } from "../../impl/merkle/index.ts";
import type { LeafCase } from "./completeness.ts";
import { mutatePath } from "./proof-mutations.ts";
import { ceilLog2, describeThrow, firstFailing, range, sampledFailing, type MerkleProperty } from "./property.ts";
import { sampleLeaves } from "./sample-leaves.ts";

export function* leafCases(maxSize: number): Generator<LeafCase> {
  for (const treeSize of range(1, maxSize)) for (const leafIndex of range(0, treeSize - 1)) yield { treeSize, leafIndex };
}

export const leafCaseArbitrary = (minSize: number, maxSize: number): fc.Arbitrary<LeafCase> =>
  fc.integer({ min: minSize, max: maxSize }).chain((treeSize) => fc.record({ treeSize: fc.constant(treeSize), leafIndex: fc.integer({ min: 0, max: treeSize - 1 }) }));

/**
 * M2 position binding (catalogue A38): if the verifier accepts value x at index j, then j < n
 * and leaves[j] = x. The adversary starts from the honest proof of leaf i and tries every
 * index j < 2^(depth+2) with the honest path, every mutated path, and another tree's proofs.
 */
function bindingViolation(scheme: MerkleScheme, { treeSize, leafIndex }: LeafCase): string | undefined {
  const leaves = sampleLeaves(treeSize);
  const tree = scheme.build(leaves);
  const root = tree.root();
  const honest = tree.prove(leafIndex);
  const otherLeaves = sampleLeaves(treeSize, "other-");
  const otherProof = scheme.build(otherLeaves).prove(leafIndex);
  const paths = [{ label: "the honest path", path: honest.path }, ...mutatePath(honest.path, root), { label: "another tree's path", path: otherProof.path }];
  const claims: { value: Uint8Array; what: string }[] = [
    { value: leaves[leafIndex], what: `leaf ${leafIndex}'s value` },
    { value: otherLeaves[leafIndex], what: `a value not in the tree (leaf ${leafIndex} of another tree)` },
  ];
  const indexLimit = 2 ** (ceilLog2(treeSize) + 2);
  for (const { label, path } of paths) {
    for (const { value, what } of claims) {
      for (let j = 0; j < indexLimit; j++) {
        const proof: SchemeProof = { leafIndex: j, treeSize, path };
        if (!scheme.verify(root, value, proof)) continue;
        if (j < treeSize && bytesEqual(leaves[j], value)) continue;
        return `accepted ${what} at index ${j} with ${label}${j >= treeSize ? `, beyond the last leaf ${treeSize - 1}` : ""}`;
      }
    }
  }
  return undefined;
}

export const positionBinding: MerkleProperty<LeafCase> = {
  name: "M2 position binding",
  scope: "every leaf of trees of 1..8 leaves, then sampled (size ≤ 64, leaf); indices j < 2^(depth+2), mutated paths, another tree's proofs",
  meaning: "a proof can place a value at a position where the tree does not hold it",
  check: (scheme, input) => describeThrow(() => bindingViolation(scheme, input)),
  search(scheme, budget) {
    const failing = (input: LeafCase): boolean => positionBinding.check(scheme, input) !== undefined;
    return firstFailing(leafCases(8), failing) ?? sampledFailing(leafCaseArbitrary(9, 64), failing, budget);
  },
};
