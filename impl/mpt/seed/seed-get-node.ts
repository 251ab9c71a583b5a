import type { SeedNode } from "./seed-node.ts";
import { equalBytes, occursAt } from "../equal-bytes.ts";

/**
 * `StateTree::get_node` (A §5.2, l. 420–449), ported literally — including where it looks wrong:
 * - depth counts bits; a Branch reads nibble (key[depth/8] >> (4 − depth % 8)) & 0xF. With depth
 *   a multiple of 4 this is the high nibble at depth % 8 = 0 and the low one at 4.
 * - an Extension both slices the key (`&key[prefix.len()..]`) and adds 8·prefix.len() to depth,
 *   so below an Extension a Branch indexes the shortened key as if nothing had been cut.
 * - a Leaf compares its whole stored key with the (possibly shortened) key.
 * - a key that ends at a Branch finds nothing (there is no value slot).
 * Rust's `usize` subtraction `4 - (depth % 8)` never underflows because depth stays a multiple of 4.
 */
export function seedGetNode(node: SeedNode, key: Uint8Array, depth: number): Uint8Array | null {
  switch (node.kind) {
    case "leaf":
      return equalBytes(node.key, key) ? node.value : null;
    case "branch": {
      if (depth >= key.length * 8) return null;
      const nibble = (key[Math.floor(depth / 8)] >> (4 - (depth % 8))) & 0xf;
      const child = node.children[nibble];
      return child === null ? null : seedGetNode(child, key, depth + 4);
    }
    case "extension":
      if (occursAt(key, 0, node.prefix)) return seedGetNode(node.child, key.subarray(node.prefix.length), depth + node.prefix.length * 8);
      return null;
  }
}
