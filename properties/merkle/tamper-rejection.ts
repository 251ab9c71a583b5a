import { sha256, type MerkleScheme, type SchemeProof } from "../../impl/merkle/index.ts";
import type { LeafCase } from "./completeness.ts";
import { leafCaseArbitrary, leafCases } from "./position-binding.ts";
import { mutatePath } from "./proof-mutations.ts";
import { describeThrow, firstFailing, sampledFailing, type MerkleProperty } from "./property.ts";
import { sampleLeaves } from "./sample-leaves.ts";

interface Tampered {
  label: string;
  root: Uint8Array;
  leaf: Uint8Array;
  proof: SchemeProof;
}

/**
 * The honest proof of leaf i with one thing wrong: the index (i ± 1, i xor 2), the leaf, the
 * claimed size (2n, ⌊n/2⌋), the root (the empty-tree hash, another tree's root), or the path.
 * The size probes follow transparency-dev/merkle's verifier tests: an RFC 9162 path fixes the
 * tree's depth, so doubling or halving the size must change the verdict.
 */
function tamperings(scheme: MerkleScheme, { treeSize, leafIndex }: LeafCase): { honest: Tampered; tampered: Tampered[] } {
  const leaves = sampleLeaves(treeSize);
  const tree = scheme.build(leaves);
  const honest: Tampered = { label: "honest", root: tree.root(), leaf: leaves[leafIndex], proof: tree.prove(leafIndex) };
  const withProof = (label: string, proof: Partial<SchemeProof>): Tampered => ({ ...honest, label, proof: { ...honest.proof, ...proof } });
  const tampered: Tampered[] = [];
  for (const j of new Set([leafIndex - 1, leafIndex + 1, leafIndex ^ 2])) if (j >= 0) tampered.push(withProof(`index ${j} instead of ${leafIndex}`, { leafIndex: j }));
  for (const size of new Set([2 * treeSize, Math.floor(treeSize / 2)])) if (size !== treeSize) tampered.push(withProof(`claimed size ${size} instead of ${treeSize}`, { treeSize: size }));
  tampered.push({ ...honest, label: "a leaf not in the tree", leaf: sampleLeaves(1, "wrong-")[0] });
  if (treeSize > 1) tampered.push({ ...honest, label: `leaf ${(leafIndex + 1) % treeSize}'s value`, leaf: leaves[(leafIndex + 1) % treeSize] });
  tampered.push({ ...honest, label: "the empty tree's root", root: sha256(new Uint8Array(0)) });
  tampered.push({ ...honest, label: "another tree's root", root: scheme.build(sampleLeaves(treeSize, "other-")).root() });
  for (const { label, path } of mutatePath(honest.proof.path, honest.root)) tampered.push(withProof(label, { path }));
  return { honest, tampered };
}

export const tamperRejection: MerkleProperty<LeafCase> = {
  name: "M2b tamper rejection",
  scope: "every leaf of trees of 1..16 leaves, then sampled (size ≤ 1024, leaf)",
  meaning: "a proof with a wrong index, leaf, size, root or path still passes",
  check(scheme, input) {
    return describeThrow(() => {
      const { honest, tampered } = tamperings(scheme, input);
      // Only a proof the verifier accepts can be tampered with; M1 reports the others.
      if (!scheme.verify(honest.root, honest.leaf, honest.proof)) return undefined;
      const accepted = tampered.find((t) => scheme.verify(t.root, t.leaf, t.proof));
      return accepted ? `accepted the proof of leaf ${input.leafIndex} in a tree of ${input.treeSize} leaves with ${accepted.label}` : undefined;
    });
  },
  search(scheme, budget) {
    const failing = (input: LeafCase): boolean => tamperRejection.check(scheme, input) !== undefined;
    return firstFailing(leafCases(16), failing) ?? sampledFailing(leafCaseArbitrary(17, 1024), failing, budget);
  },
};
