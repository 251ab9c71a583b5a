import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bitcoinScheme, buildMerkleTree, hashLeaf, inclusionProof, rfc6962Scheme, seedScheme, treeRoot, verifyInclusion, type MerkleScheme } from "../../../impl/merkle/index.ts";
import { DEFAULT_BUDGET, MERKLE_PROPERTIES, consistencyViolation, oracleMismatch, sampleLeaves } from "../../../properties/merkle/index.ts";
import { loadRfc6962Vectors } from "../../fixtures/merkle/rfc6962-vectors.ts";
import { expectPropertyHolds } from "./expect-property.ts";

/** The first of `indices` whose honest proof in a tree of n sample leaves the RFC verifier rejects. */
function firstUnverifiedLeaf(n: number, indices: Iterable<number> = Array.from({ length: n }, (_, i) => i)): number | undefined {
  const leaves = sampleLeaves(n);
  const tree = buildMerkleTree(leaves);
  const root = treeRoot(tree);
  for (const i of indices) if (!verifyInclusion(i, n, hashLeaf(leaves[i]), inclusionProof(tree, i), root).valid) return i;
  return undefined;
}

describe("the RFC 9162 reference satisfies every Merkle property", () => {
  it.each(MERKLE_PROPERTIES.map((p) => [p.name, p] as const))("%s", (_, property) => expectPropertyHolds(rfc6962Scheme, property));

  // Every tree shape up to 2^9 leaves, each proof (131,328 of them); larger sizes are sampled below.
  it("verifies every inclusion proof of every tree of 1..512 leaves", () => {
    for (let n = 1; n <= 512; n++) expect(firstUnverifiedLeaf(n), `n = ${n}`).toBeUndefined();
  });

  it("verifies every inclusion proof of random trees of up to 2^16 leaves", () => {
    fc.assert(fc.property(fc.integer({ min: 513, max: 2 ** 16 }), (n) => firstUnverifiedLeaf(n) === undefined), { seed: DEFAULT_BUDGET.seed, numRuns: 1 });
  });

  it("agrees with the RFC 9162 MTH oracle on the RFC 6962 vector leaves", () => {
    const { leafInputs } = loadRfc6962Vectors();
    for (let n = 0; n <= leafInputs.length; n++) expect(oracleMismatch(rfc6962Scheme, leafInputs.slice(0, n))).toBeUndefined();
  });
});

describe("RFC 9162 consistency proofs as properties", () => {
  it("verify for every 0 ≤ m ≤ n ≤ 64 and fail whenever tampered", () => {
    for (let size2 = 0; size2 <= 64; size2++) {
      for (let size1 = 0; size1 <= size2; size1++) {
        expect(consistencyViolation({ size1, size2 })).toBeUndefined();
      }
    }
  });

  it("verify and resist tampering for random sizes up to 2^16", () => {
    const sizes = fc.integer({ min: 65, max: 2 ** 16 }).chain((size2) => fc.record({ size1: fc.integer({ min: 1, max: size2 }), size2: fc.constant(size2) }));
    fc.assert(fc.property(sizes, (input) => consistencyViolation(input) === undefined), { seed: DEFAULT_BUDGET.seed, numRuns: 3 });
  });
});

describe("domain separation: a leaf can never be presented as an inner node", () => {
  /**
   * The adversary commits to a leaf d chosen to look like the inner node over x and y — the
   * scheme's own node N(x,y), the bare concatenation, or the concatenation behind a 0x01 —
   * then claims that x is in the tree [d, z] with the path [y's leaf-level value, z's side].
   */
  function leafPosesAsNode(scheme: MerkleScheme, leafLevelValue: (v: Uint8Array) => Uint8Array): boolean {
    const [x, y, z] = sampleLeaves(3);
    const [lx, ly] = [leafLevelValue(x), leafLevelValue(y)];
    const candidates = [scheme.build([x, y]).internalNodes()[0], Uint8Array.from([...lx, ...ly]), Uint8Array.from([0x01, ...lx, ...ly])];
    for (const d of candidates) {
      if (scheme.name === "bitcoin" && d.length !== 32) continue; // bitcoin leaves are 32-byte txids
      const tree = scheme.build([d, z]);
      const path = [ly, ...tree.prove(0).path];
      for (let treeSize = 1; treeSize <= 8; treeSize++) {
        for (let leafIndex = 0; leafIndex < treeSize; leafIndex++) if (scheme.verify(tree.root(), x, { leafIndex, treeSize, path })) return true;
      }
    }
    return false;
  }

  it("holds for rfc6962, where the 0x00 leaf and 0x01 node prefixes differ", () => {
    expect(leafPosesAsNode(rfc6962Scheme, hashLeaf)).toBe(false);
  });

  it("fails for seed-merkle and bitcoin, whose leaves and nodes share one hash (the contrast that makes the test meaningful)", () => {
    expect(leafPosesAsNode(seedScheme, (v) => v)).toBe(true);
    expect(leafPosesAsNode(bitcoinScheme, (v) => v)).toBe(true);
  });
});
