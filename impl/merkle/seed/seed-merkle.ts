import { bytesEqual, sha256 } from "../sha256.ts";

/**
 * `seed-merkle`: a literal TypeScript port of the seed's Rust sketch (A §5.1, l. 330–396 of
 * web3-distributed-architecture.md; catalogue A36–A38). It is audited, never fixed: the
 * property suites report what it breaks (reports/seed-audit.md).
 *
 * Porting decisions (the sketch leaves them open):
 * - `Hash` is a 32-byte Uint8Array; leaves are the caller's 32-byte hashes, used as is.
 * - `hash_pair` is not defined in the sketch: SHA-256(left ‖ right), no prefixes (catalogue).
 * - Rust panics where the sketch indexes an empty vector (`tree.last().unwrap()[0]` for no
 *   leaves); the port throws `SeedPanic` there, the moral equivalent of that panic.
 * - `usize` arithmetic: `current_index - 1` only runs for odd indices, so it never underflows.
 * - `current_hash == self.root` compares the bytes.
 */
export class SeedPanic extends Error {
  override readonly name = "SeedPanic";
}

export interface SeedMerkleProof {
  proof: Uint8Array[];
  index: number;
}

export class SeedMerkleTree {
  readonly root: Uint8Array;
  readonly leaves: Uint8Array[];
  readonly tree: Uint8Array[][];

  constructor(leaves: Uint8Array[]) {
    const tree: Uint8Array[][] = [[...leaves]];
    while (tree[tree.length - 1].length > 1) {
      const level = tree[tree.length - 1];
      const nextLevel: Uint8Array[] = [];
      for (let start = 0; start < level.length; start += 2) {
        const chunk = level.slice(start, start + 2);
        const hash = chunk.length === 2 ? SeedMerkleTree.hashPair(chunk[0], chunk[1]) : chunk[0];
        nextLevel.push(hash);
      }
      tree.push(nextLevel);
    }
    const last = tree[tree.length - 1];
    if (last.length === 0) throw new SeedPanic("index out of bounds: the len is 0 but the index is 0");
    this.root = last[0];
    this.leaves = leaves;
    this.tree = tree;
  }

  generateProof(index: number): SeedMerkleProof {
    const proof: Uint8Array[] = [];
    let currentIndex = index;
    for (const level of this.tree.slice(0, this.tree.length - 1)) {
      const siblingIndex = currentIndex % 2 === 0 ? currentIndex + 1 : currentIndex - 1;
      if (siblingIndex < level.length) proof.push(level[siblingIndex]);
      currentIndex = Math.floor(currentIndex / 2);
    }
    return { proof, index };
  }

  verifyProof(leaf: Uint8Array, proof: SeedMerkleProof): boolean {
    let currentHash = leaf;
    let currentIndex = proof.index;
    for (const sibling of proof.proof) {
      currentHash = currentIndex % 2 === 0 ? SeedMerkleTree.hashPair(currentHash, sibling) : SeedMerkleTree.hashPair(sibling, currentHash);
      currentIndex = Math.floor(currentIndex / 2);
    }
    return bytesEqual(currentHash, this.root);
  }

  static hashPair(left: Uint8Array, right: Uint8Array): Uint8Array {
    const input = new Uint8Array(left.length + right.length);
    input.set(left, 0);
    input.set(right, left.length);
    return sha256(input);
  }
}
