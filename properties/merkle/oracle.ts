import fc from "fast-check";
import { bytesEqual, type MerkleScheme } from "../../impl/merkle/index.ts";
import { oracleMth } from "./mth-oracle.ts";
import { describeThrow, firstFailing, range, sampledFailing, type MerkleProperty } from "./property.ts";
import { sampleLeaves } from "./sample-leaves.ts";
import type { TreeCase } from "./internal-node-as-leaf.ts";

/** Whether the scheme's root over `leaves` is RFC 9162 §2.1.1's MTH, computed independently. */
export function oracleMismatch(scheme: MerkleScheme, leaves: readonly Uint8Array[]): string | undefined {
  return describeThrow(() => {
    const root = scheme.build(leaves).root();
    const expected = oracleMth(leaves);
    return bytesEqual(root, expected) ? undefined : `the root of ${leaves.length} leaves is 0x${Buffer.from(root).toString("hex")}, RFC 9162 MTH is 0x${Buffer.from(expected).toString("hex")}`;
  });
}

/**
 * M6 oracle: roots equal the independent RFC 9162 MTH (mth-oracle.ts). Sizes 1..64 exhaustive,
 * then sampled up to 1024; n = 0 is M5a's. The CT vectors are pinned by the known-answer tests.
 */
export const rfc9162Oracle: MerkleProperty<TreeCase> = {
  name: "M6 RFC 9162 oracle",
  scope: "trees of 1..64 sample leaves, then sampled sizes up to 1024",
  meaning: "the root is not the RFC 9162 Merkle Tree Hash, so it cannot be checked against RFC 6962/9162 logs",
  check: (scheme, { treeSize }) => oracleMismatch(scheme, sampleLeaves(treeSize)),
  search(scheme, budget) {
    const failing = (treeSize: number): boolean => oracleMismatch(scheme, sampleLeaves(treeSize)) !== undefined;
    const treeSize = firstFailing(range(1, 64), failing) ?? sampledFailing(fc.integer({ min: 65, max: 1024 }), failing, budget);
    return treeSize === undefined ? undefined : { treeSize };
  },
};
