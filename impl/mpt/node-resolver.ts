import type { HashedNode, ResolvedNode } from "./node.ts";

/** Turns a node known only by hash into the node (from a store, or from a proof's nodes). */
export type NodeResolver = (node: HashedNode) => ResolvedNode;

/** A hashed node that neither the store nor the proof holds. */
export class MissingNodeError extends Error {
  override readonly name = "MissingNodeError";
  constructor(readonly hash: Uint8Array) {
    super(`missing trie node 0x${Buffer.from(hash).toString("hex")}`);
  }
}
