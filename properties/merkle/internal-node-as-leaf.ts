import fc from "fast-check";
import { bytesEqual, type MerkleScheme } from "../../impl/merkle/index.ts";
import { ceilLog2, describeThrow, firstFailing, range, sampledFailing, type MerkleProperty } from "./property.ts";
import { sampleLeaves } from "./sample-leaves.ts";

export interface TreeCase {
  treeSize: number;
}

/**
 * M3 no second preimage, first half (catalogue A34; RFC 9162 §2.1.1's reason for the 0x00/0x01
 * prefixes): no internal node value, and not the root itself, verifies as a leaf. The
 * adversary presents each internal node at every index j < 2^(depth+2) with every suffix of
 * every honest path (the siblings above that node), and the root with the empty path.
 */
function internalNodeAccepted(scheme: MerkleScheme, treeSize: number): string | undefined {
  const leaves = sampleLeaves(treeSize);
  const tree = scheme.build(leaves);
  const root = tree.root();
  const indexLimit = 2 ** (ceilLog2(treeSize) + 2);
  const suffixes = new Map<string, Uint8Array[]>();
  for (let i = 0; i < treeSize; i++) {
    const path = tree.prove(i).path;
    for (let k = 0; k <= path.length; k++) suffixes.set(path.slice(k).map((p) => Buffer.from(p).toString("hex")).join(","), path.slice(k));
  }
  // A one-leaf tree's root is its leaf (seed-merkle, bitcoin): a value that is a leaf is M2's business.
  const isLeaf = (value: Uint8Array): boolean => leaves.some((leaf) => bytesEqual(leaf, value));
  const candidates = [...tree.internalNodes().map((value, k) => ({ value, what: `internal node ${k}` })), { value: root, what: "the root" }].filter(({ value }) => !isLeaf(value));
  for (const { value, what } of candidates) {
    for (const path of suffixes.values()) {
      for (let j = 0; j < indexLimit; j++) {
        if (scheme.verify(root, value, { leafIndex: j, treeSize, path })) {
          return `${what} of a tree of ${treeSize} leaves verifies as a leaf at index ${j} with a ${path.length}-hash path`;
        }
      }
    }
  }
  return undefined;
}

export const internalNodeAsLeaf: MerkleProperty<TreeCase> = {
  name: "M3a internal node is not a leaf",
  scope: "every internal node and the root of trees of 1..8 leaves, then sampled sizes up to 24; every index j < 2^(depth+2), every suffix of every honest path",
  meaning: "an internal node (or the root) can be presented as a leaf, so a proof can claim data the tree never held",
  check: (scheme, { treeSize }) => describeThrow(() => internalNodeAccepted(scheme, treeSize)),
  search(scheme, budget) {
    const failing = (treeSize: number): boolean => internalNodeAsLeaf.check(scheme, { treeSize }) !== undefined;
    const treeSize = firstFailing(range(1, 8), failing) ?? sampledFailing(fc.integer({ min: 9, max: 24 }), failing, { ...budget, numRuns: Math.min(budget.numRuns, 5) });
    return treeSize === undefined ? undefined : { treeSize };
  },
};
