import type { TransitionSystem } from "./transition-system.ts";
import type { VisitedSet } from "./visited/index.ts";

/**
 * Encodes states for the visited set: into one reused scratch buffer when the system offers
 * `encodeInto` (no allocation per transition), else through `encode`. `bytes` is valid until
 * the next call.
 */
export class StateEncoder<S> {
  bytes: Uint8Array;

  constructor(private readonly system: TransitionSystem<S, unknown>) {
    this.bytes = new Uint8Array(system.encodeInto ? (system.encodedLength ?? 4096) : 0);
  }

  encode(state: S): number {
    const { system } = this;
    if (system.encodeInto) return system.encodeInto(state, this.bytes);
    this.bytes = system.encode(state);
    return this.bytes.length;
  }

  /** Encodes `state` and inserts it: the new id, or `-1 - id` of the stored state. */
  insert(visited: VisitedSet, state: S): number {
    const length = this.encode(state);
    return visited.insert(this.bytes, length);
  }
}
