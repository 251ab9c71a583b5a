import { ClassicLevel } from "classic-level";
import type { NodeEntry, NodeStore } from "./node-store.ts";

/**
 * Nodes on disk in LevelDB (classic-level ships the binary). Keys and values are raw bytes;
 * a commit is one atomic LevelDB batch, so a crash leaves either the old or the new root whole.
 */
export class LevelNodeStore implements NodeStore {
  private constructor(private readonly db: ClassicLevel<Uint8Array, Uint8Array>) {}

  static async open(directory: string): Promise<LevelNodeStore> {
    const db = new ClassicLevel<Uint8Array, Uint8Array>(directory, { keyEncoding: "view", valueEncoding: "view" });
    await db.open();
    return new LevelNodeStore(db);
  }

  get(hash: Uint8Array): Uint8Array | undefined {
    const encoded = this.db.getSync(hash);
    // classic-level hands back a Buffer; the trie deals in plain Uint8Arrays only.
    return encoded === undefined ? undefined : new Uint8Array(encoded.buffer, encoded.byteOffset, encoded.byteLength);
  }

  async putBatch(entries: readonly NodeEntry[]): Promise<void> {
    await this.db.batch(entries.map(({ hash, encoded }) => ({ type: "put" as const, key: hash, value: encoded })));
  }

  async close(): Promise<void> {
    await this.db.close();
  }
}
