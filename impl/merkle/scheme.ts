/**
 * What the Merkle property suites (properties/merkle) need from a variant, so the same suite
 * runs against rfc6962, bitcoin and seed-merkle. A leaf is the variant's leaf input: data for
 * rfc6962, a txid for bitcoin, the caller's 32-byte hash for seed-merkle.
 */
export interface SchemeProof {
  leafIndex: number;
  /** The tree size the prover claims; a variant whose verifier has no use for it ignores it. */
  treeSize: number;
  path: Uint8Array[];
}

export interface SchemeTree {
  readonly size: number;
  /** Throws (typed or not) where the variant has no root, e.g. seed-merkle on no leaves. */
  root(): Uint8Array;
  prove(leafIndex: number): SchemeProof;
  /** Every value the variant computed by hashing children (carried-up copies excluded). */
  internalNodes(): Uint8Array[];
}

export interface MerkleScheme {
  readonly name: "rfc6962" | "bitcoin" | "seed-merkle";
  build(leaves: readonly Uint8Array[]): SchemeTree;
  /** A light client's check: only the root (and the claimed size) of the tree are known. */
  verify(root: Uint8Array, leaf: Uint8Array, proof: SchemeProof): boolean;
}
