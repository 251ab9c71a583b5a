import { describe, expect, it } from "vitest";
import { EMPTY_FRONTIER, appendLeaf, appendLeafHash, buildMerkleTree, frontierRoot, treeRoot, type Frontier } from "../../../impl/merkle/index.ts";
import { sampleLeaves } from "../../../properties/merkle/sample-leaves.ts";

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString("hex");

describe("incremental append (frontier / compact range)", () => {
  it("has the full build's root after every append, sizes 0..300", () => {
    const leaves = sampleLeaves(300);
    let frontier: Frontier = EMPTY_FRONTIER;
    expect(hex(frontierRoot(frontier))).toBe(hex(treeRoot(buildMerkleTree([]))));
    for (let n = 1; n <= 300; n++) {
      frontier = appendLeaf(frontier, leaves[n - 1]);
      expect(hex(frontierRoot(frontier)), `n = ${n}`).toBe(hex(treeRoot(buildMerkleTree(leaves.slice(0, n)))));
    }
  });

  it("keeps one hash per set bit of the size (O(log n) memory)", () => {
    let frontier: Frontier = EMPTY_FRONTIER;
    for (const leaf of sampleLeaves(1000)) frontier = appendLeaf(frontier, leaf);
    expect(frontier.size).toBe(1000);
    expect(frontier.peaks).toHaveLength(6); // 1000 = 0b1111101000
  });

  it("leaves the frontier it appended to unchanged", () => {
    const one = appendLeaf(EMPTY_FRONTIER, Uint8Array.of(1));
    const before = hex(frontierRoot(one));
    appendLeaf(one, Uint8Array.of(2));
    expect(hex(frontierRoot(one))).toBe(before);
    expect(one.size).toBe(1);
  });

  it("rejects a leaf hash that is not 32 bytes, and a corrupt frontier", () => {
    expect(() => appendLeafHash(EMPTY_FRONTIER, new Uint8Array(31))).toThrow(/31 bytes/);
    expect(() => appendLeafHash({ size: 1, peaks: [] }, new Uint8Array(32))).toThrow(/too few peaks/);
  });
});
