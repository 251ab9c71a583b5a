/**
 * Where committed nodes live, keyed by keccak-256 of their RLP (the Ethereum state database
 * layout). Reads are synchronous so that get/put/prove stay synchronous on a trie reopened from
 * disk; writes come in one batch per commit.
 */
export interface NodeStore {
  get(hash: Uint8Array): Uint8Array | undefined;
  putBatch(entries: readonly NodeEntry[]): Promise<void>;
  close(): Promise<void>;
}

export interface NodeEntry {
  hash: Uint8Array;
  encoded: Uint8Array;
}
