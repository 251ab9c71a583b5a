import { describe, expect, it } from "vitest";
import { SeedMerkleTree, SeedPanic, sha256 } from "../../../impl/merkle/index.ts";
import { sampleLeaves } from "../../../properties/merkle/sample-leaves.ts";

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString("hex");
const pair = (l: Uint8Array, r: Uint8Array): Uint8Array => sha256(Uint8Array.from([...l, ...r]));

describe("seed-merkle: the seed's sketch (A §5.1) ported literally", () => {
  it("keeps the sketch's layout: tree = [leaves, …], lone last element carried up, root = last level[0]", () => {
    const [a, b, c] = sampleLeaves(3);
    const tree = new SeedMerkleTree([a, b, c]);
    expect(tree.tree.map((level) => level.map(hex))).toEqual([[a, b, c].map(hex), [pair(a, b), c].map(hex), [pair(pair(a, b), c)].map(hex)]);
    expect(hex(tree.root)).toBe(hex(pair(pair(a, b), c)));
    expect(tree.leaves).toEqual([a, b, c]);
  });

  it("panics on no leaves, where the Rust sketch indexes an empty vector", () => {
    expect(() => new SeedMerkleTree([])).toThrow(SeedPanic);
  });

  it("pushes a sibling only where one exists, and folds by index parity", () => {
    const [a, b, c] = sampleLeaves(3);
    const tree = new SeedMerkleTree([a, b, c]);
    expect(tree.generateProof(0)).toEqual({ proof: [b, c], index: 0 });
    expect(tree.generateProof(2)).toEqual({ proof: [pair(a, b)], index: 2 });
    expect(tree.verifyProof(a, tree.generateProof(0))).toBe(true);
    // The sketch's own proof of its last leaf fails: index 2 is even, so it hashes (c, H(a,b)).
    expect(tree.verifyProof(c, tree.generateProof(2))).toBe(false);
  });
});
