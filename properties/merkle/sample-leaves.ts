import { sha256 } from "../../impl/merkle/sha256.ts";

/**
 * The leaves every Merkle property uses for a tree of n leaves: leaf i is SHA-256("leaf-i"),
 * 32 distinct bytes that suit every variant (seed-merkle and bitcoin take 32-byte hashes).
 * Counterexamples then name only sizes and indices, and anyone can rebuild the leaves.
 */
export function sampleLeaves(n: number, salt = ""): Uint8Array[] {
  return Array.from({ length: n }, (_, i) => sampleLeaf(i, salt));
}

export function sampleLeaf(i: number, salt = ""): Uint8Array {
  return sha256(new TextEncoder().encode(`leaf-${salt}${i}`));
}
