import { HASH_BYTES, MerkleError, type MerkleScheme } from "../../impl/merkle/index.ts";
import type { LeafCase } from "./completeness.ts";
import { firstFailing, range, type MerkleProperty } from "./property.ts";
import { sampleLeaves } from "./sample-leaves.ts";

/** A refusal the caller can handle is a MerkleError; anything else thrown is a crash. */
function crashOrUndefined(error: unknown, what: string): string | undefined {
  if (error instanceof MerkleError) return undefined;
  return `${what} crashed with ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)} instead of a typed error`;
}

/** M5 edge cases, n = 0 (catalogue M5): the empty tree has a defined 32-byte root or a typed error. */
export const emptyTree: MerkleProperty<{ treeSize: 0 }> = {
  name: "M5a empty tree",
  scope: "the tree of no leaves",
  meaning: "building a tree of no leaves crashes instead of giving a defined root or a typed error",
  check(scheme) {
    try {
      const root = scheme.build([]).root();
      return root.length === HASH_BYTES ? undefined : `the empty tree's root has ${root.length} bytes`;
    } catch (error) {
      return crashOrUndefined(error, "the root of no leaves");
    }
  },
  search: (scheme) => (emptyTree.check(scheme, { treeSize: 0 }) === undefined ? undefined : { treeSize: 0 }),
};

/** M5 edge cases, prove(i ≥ n): a typed error, never a proof and never a crash. */
export const proveOutOfRange: MerkleProperty<LeafCase> = {
  name: "M5b prove(i ≥ n)",
  scope: "prove(i) for n ∈ [1, 16], i ∈ [n, n + 4] (n = 0 is M5a's)",
  meaning: "asking for the proof of a leaf past the end returns a proof (or crashes) instead of a typed error",
  check(scheme, { treeSize, leafIndex }) {
    try {
      const proof = scheme.build(sampleLeaves(treeSize)).prove(leafIndex);
      return `prove(${leafIndex}) in a tree of ${treeSize} leaves returned a ${proof.path.length}-hash proof`;
    } catch (error) {
      return crashOrUndefined(error, `prove(${leafIndex}) in a tree of ${treeSize} leaves`);
    }
  },
  search(scheme) {
    const cases = (function* () {
      for (const treeSize of range(1, 16)) for (const leafIndex of range(treeSize, treeSize + 4)) yield { treeSize, leafIndex };
    })();
    return firstFailing(cases, (input) => proveOutOfRange.check(scheme, input) !== undefined);
  },
};
