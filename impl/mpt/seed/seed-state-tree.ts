import { seedGetNode } from "./seed-get-node.ts";
import { seedPutNode } from "./seed-put-node.ts";
import { seedEmptyBranch } from "./seed-node.ts";
import type { SeedNode } from "./seed-node.ts";

/**
 * seed-mpt: `struct StateTree` of A §5.2 (l. 406–418; catalogue A40). `get(key) =
 * get_node(&root, key, 0)`, `put(key, value)` sets `root = put_node(root.clone(), key, value, 0)`.
 * The sketch has no delete, no hashing and no root hash; its `db: Database` is never used by the
 * code shown, so the port leaves it out. Never change this variant to make a property pass.
 */
export class SeedStateTree {
  private root: SeedNode = seedEmptyBranch();

  get(key: Uint8Array): Uint8Array | null {
    return seedGetNode(this.root, key, 0);
  }

  put(key: Uint8Array, value: Uint8Array): void {
    this.root = seedPutNode(this.root, key, value, 0);
  }

  rootNode(): SeedNode {
    return this.root;
  }
}
