/**
 * The seed's node type (A §5.2, l. 400–450, seed-catalogue A40–A42), kept as written:
 * `enum Node { Leaf(Vec<u8>, Vec<u8>), Branch([Option<Box<Node>>; 16]), Extension(Vec<u8>, Box<Node>) }`.
 * Branch has 16 children and no value slot; Extension's prefix is bytes, not nibbles; there is no
 * empty node.
 */
export type SeedNode =
  | { kind: "leaf"; key: Uint8Array; value: Uint8Array }
  | { kind: "branch"; children: (SeedNode | null)[] }
  | { kind: "extension"; prefix: Uint8Array; child: SeedNode };

export function seedEmptyBranch(): SeedNode & { kind: "branch" } {
  return { kind: "branch", children: Array.from({ length: 16 }, () => null) };
}
