import { describe, expect, it } from "vitest";
import { bitcoinScheme, rfc6962Scheme, seedScheme, type MerkleScheme } from "../../../impl/merkle/index.ts";
import { proofLengthStats, proofSize } from "../../../properties/merkle/index.ts";

describe("proof length against n (catalogue A35 d)", () => {
  it("measures min, max and mean over every leaf", () => {
    expect(proofLengthStats(rfc6962Scheme, 5)).toEqual({ treeSize: 5, min: 1, max: 3, mean: 2.6, bound: 3 });
    expect(proofLengthStats(rfc6962Scheme, 100)).toEqual({ treeSize: 100, min: 4, max: 7, mean: 6.88, bound: 7 });
    // The seed's tree has RFC 9162's shape, so its proofs have the same lengths …
    expect(proofLengthStats(seedScheme, 100)).toEqual(proofLengthStats(rfc6962Scheme, 100));
    // … while Bitcoin pairs a lone node with itself and always pays the full depth.
    expect(proofLengthStats(bitcoinScheme, 100)).toEqual({ treeSize: 100, min: 7, max: 7, mean: 7, bound: 7 });
  });

  it("M4 flags a proof longer than ⌈log₂ n⌉", () => {
    const padded: MerkleScheme = {
      ...rfc6962Scheme,
      build(leaves) {
        const tree = rfc6962Scheme.build(leaves);
        return { ...tree, prove: (i) => ({ ...tree.prove(i), path: [...tree.prove(i).path, new Uint8Array(32)] }) };
      },
    };
    expect(proofSize.check(padded, { treeSize: 4, leafIndex: 1 })).toBe("the proof of leaf 1 in a tree of 4 leaves has 3 hashes, more than 2");
    expect(proofSize.search(padded, { seed: 1, numRuns: 1 })).toEqual({ treeSize: 1, leafIndex: 0 });
    expect(proofSize.check(rfc6962Scheme, { treeSize: 4, leafIndex: 1 })).toBeUndefined();
  });
});
