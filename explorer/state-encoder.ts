import { InputError } from "../spec/common/input-error.ts";
import type { TransitionSystem } from "./transition-system.ts";
import type { VisitedSet } from "./visited/index.ts";

/**
 * Encodes states for the visited set: the orbit representative's encoding under symmetry
 * reduction; else into one reused scratch buffer when the system offers `encodeInto` (no
 * allocation per transition), else through `encode`. `bytes` is valid until the next call.
 */
export class StateEncoder<S> {
  bytes: Uint8Array;
  private readonly useEncodeInto: boolean;

  constructor(
    private readonly system: TransitionSystem<S, unknown>,
    private readonly symmetry = false,
  ) {
    if (symmetry && system.symmetry === undefined) throw new InputError("explore: symmetry reduction was asked for, but the model defines no symmetry");
    this.useEncodeInto = !symmetry && system.encodeInto !== undefined;
    this.bytes = new Uint8Array(this.useEncodeInto ? (system.encodedLength ?? 4096) : 0);
  }

  encode(state: S): number {
    const { system } = this;
    if (this.symmetry) {
      this.bytes = system.symmetry!(state);
      return this.bytes.length;
    }
    if (this.useEncodeInto) {
      const length = system.encodeInto!(state, this.bytes);
      // Typed arrays drop writes past their end: a longer encoding would be silently cut.
      if (length > this.bytes.length) throw new Error(`encodeInto wrote ${length} bytes, more than encodedLength (${this.bytes.length})`);
      return length;
    }
    this.bytes = system.encode(state);
    return this.bytes.length;
  }

  /** True when successors can be keyed without being built (`encodeSuccessor`, no symmetry). */
  get keysSuccessors(): boolean {
    return this.useEncodeInto && this.system.encodeSuccessor !== undefined;
  }

  /** Inserts `step(state, action)` by its key alone (requires `keysSuccessors`). */
  insertSuccessor<A>(visited: VisitedSet, state: S, action: A): number {
    const length = (this.system as TransitionSystem<S, A>).encodeSuccessor!(state, action, this.bytes);
    if (length > this.bytes.length) throw new Error(`encodeSuccessor wrote ${length} bytes, more than encodedLength (${this.bytes.length})`);
    return visited.insert(this.bytes, length);
  }

  /** Encodes `state` and inserts it: the new id, or `-1 - id` of the stored state. */
  insert(visited: VisitedSet, state: S): number {
    const length = this.encode(state);
    return visited.insert(this.bytes, length);
  }
}
