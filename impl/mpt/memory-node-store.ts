import type { NodeEntry, NodeStore } from "./node-store.ts";

/** The default store: a Map from the hash (as hex) to the node's RLP. */
export class MemoryNodeStore implements NodeStore {
  private readonly nodes = new Map<string, Uint8Array>();

  get size(): number {
    return this.nodes.size;
  }

  get(hash: Uint8Array): Uint8Array | undefined {
    return this.nodes.get(Buffer.from(hash).toString("hex"));
  }

  async putBatch(entries: readonly NodeEntry[]): Promise<void> {
    for (const { hash, encoded } of entries) this.nodes.set(Buffer.from(hash).toString("hex"), encoded);
  }

  async close(): Promise<void> {}
}
