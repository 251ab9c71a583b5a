import type { PartSnapshot } from "../checkpoint/sections.ts";

/**
 * The explorer's visited set: canonical state encodings in, dense state ids out.
 * `insert` returns the new id (>= 0) for a key never seen, or `-1 - id` of the stored key.
 */
export interface VisitedSet {
  readonly size: number;
  insert(bytes: Uint8Array, length: number): number;
  /** Memory held per stored state, in bytes (index, keys and hashes; excludes parents). */
  bytesPerState(): number;
  /** Everything needed to rebuild this set exactly (a checkpoint's "visited" part). */
  serialize(): PartSnapshot;
}
