/**
 * A global state is one Uint32Array (Stateright's `ActorModelState`, flattened):
 *
 *   [0]                 crashed actors, one bit each
 *   [1 … n]             each actor's snapshot id
 *   [n+1 … 2n]          each actor's set timers, one bit per timer of its role
 *   [2n+1]              the ghost history's id, only when the protocol declares a history
 *   [w]                 m, the number of distinct envelopes in flight (w = networkAt)
 *   [w+1 …]             m pairs (envelope id, copies), sorted in the envelopes' order
 *                       (their step text, `EnvelopeEntry.order`), not by id
 *
 * So a state's bytes are its canonical encoding (equal states, equal bytes; the multiset is
 * sorted), and the explorer keys, stores and decodes states without any object per state.
 */
export const MAX_ACTORS = 32;
export const MAX_TIMERS_PER_ROLE = 32;

export class StateLayout {
  constructor(
    readonly actors: number,
    /** Whether a state holds a history id (protocol.ts `history`). */
    readonly history = false,
  ) {}

  snapshotAt(actor: number): number {
    return 1 + actor;
  }

  timersAt(actor: number): number {
    return 1 + this.actors + actor;
  }

  /** Where the history id is (only meaningful with `history`). */
  get historyAt(): number {
    return 1 + 2 * this.actors;
  }

  get networkAt(): number {
    return 1 + 2 * this.actors + (this.history ? 1 : 0);
  }

  /** Words of a state with `envelopes` distinct envelopes in flight. */
  length(envelopes: number): number {
    return this.networkAt + 1 + 2 * envelopes;
  }

  envelopeCount(state: Uint32Array): number {
    return state[this.networkAt]!;
  }

  isCrashed(state: Uint32Array, actor: number): boolean {
    return (state[0]! & (1 << actor)) !== 0;
  }

  crashedCount(state: Uint32Array): number {
    let mask = state[0]!;
    let count = 0;
    while (mask !== 0) {
      mask &= mask - 1;
      count++;
    }
    return count;
  }

  /** The in-flight multiset as parallel arrays (envelope ids in the envelopes' order, copies). */
  network(state: Uint32Array): { envelopes: number[]; copies: number[] } {
    const count = this.envelopeCount(state);
    const envelopes: number[] = new Array(count);
    const copies: number[] = new Array(count);
    for (let i = 0, at = this.networkAt + 1; i < count; i++, at += 2) {
      envelopes[i] = state[at]!;
      copies[i] = state[at + 1]!;
    }
    return { envelopes, copies };
  }

  /** A state with `head` (crash mask, snapshots, timers) and the given multiset. */
  build(head: Uint32Array, envelopes: readonly number[], copies: readonly number[]): Uint32Array {
    const state = new Uint32Array(this.length(envelopes.length));
    state.set(head.subarray(0, this.networkAt));
    state[this.networkAt] = envelopes.length;
    for (let i = 0, at = this.networkAt + 1; i < envelopes.length; i++, at += 2) {
      state[at] = envelopes[i]!;
      state[at + 1] = copies[i]!;
    }
    return state;
  }
}
