/**
 * The small trie interface the MPT property suites run against, so that the same suite checks
 * the reference (impl/mpt) and the seed variant (seed-mpt) (seed-catalogue ground rule 1).
 */
export interface TrieSubject {
  /** e.g. "impl/mpt" or "seed-mpt". */
  readonly name: string;
  /** The seed sketch has no delete; suites then generate puts and gets only. */
  readonly supportsDelete: boolean;
  create(): TrieInstance;
}

export interface TrieInstance {
  put(key: Uint8Array, value: Uint8Array): void;
  get(key: Uint8Array): Uint8Array | null;
  /** Only called when the subject supportsDelete. */
  delete(key: Uint8Array): void;
  /** Equal fingerprints ⇔ equal tries: the root hash, or the node tree where there is no hash. */
  fingerprint(): string;
  /** The node tree as paths, for the structure invariants (T4); null when empty. */
  shape(): TrieShape | null;
}

/** A node with the nibbles its path spells: a branch spells one nibble per child slot. */
export type TrieShape =
  | { kind: "leaf"; path: number[] }
  | { kind: "extension"; path: number[]; child: TrieShape }
  | { kind: "branch"; children: (TrieShape | null)[]; hasValue: boolean };
