import type { InFlight } from "./in-flight.ts";
import { decodeState, encodeWords } from "./state-encoding.ts";

/**
 * A global state is one Uint32Array (Stateright's `ActorModelState`, flattened):
 *
 *   [0]                 crashed actors, one bit each
 *   [1 … n]             each actor's snapshot id
 *   [n+1 … 2n]          each actor's set timers, one bit per timer of its role
 *   then one word each, only where the protocol declares what it counts:
 *                       the ghost history's id (`history`);
 *                       GST passed, 0 or 1 (time "partial-sync");
 *                       the partition in force, its index + 1, 0 when healed (network.partitions);
 *                       crash steps taken (faults.recover: crashed bits no longer count them);
 *                       duplicate steps taken (network.duplication { copies });
 *                       replays taken (faults.replay);
 *                       what the adversary knows (faults.replay): the id of the set of messages
 *                       each Byzantine actor has seen, one word each, or one shared word when
 *                       it sees the network
 *   [w]                 m, the number of in-flight entries (w = networkAt)
 *   [w+1 …]             m entries (envelope id, copies), or under partial synchrony
 *                       (envelope id, age, copies), sorted by the envelopes' order (their step
 *                       text, `EnvelopeEntry.order`), not by id, then by age, youngest first
 *
 * So a state's bytes are its canonical encoding (equal states, equal bytes; the multiset is
 * sorted and equal entries merged), and the explorer keys, stores and decodes states without
 * any object per state. A protocol that declares none of the optional parts has the layout it
 * had before they existed: its states, and so its pinned figures, are unchanged.
 */
export const MAX_ACTORS = 32;
/** Words of the layout's scratch: far more than any bounded model's state needs (runtime-system.ts sizes its buffers alike). */
const SCRATCH_WORDS = 1 << 18;
/** Words per slab of states (state-layout.ts `allocate`): 256 KiB. */
const SLAB_WORDS = 1 << 16;
export const MAX_TIMERS_PER_ROLE = 32;

/** The optional parts of a state (each one word, in this order, after the timers). */
export interface LayoutParts {
  history?: boolean;
  gst?: boolean;
  partition?: boolean;
  crashCount?: boolean;
  duplicateCount?: boolean;
  replayCount?: boolean;
  /** Words of adversary knowledge (faults.replay): 0 without replays. */
  knowledge?: number;
  /** In-flight entries carry an age (the Δ rule; with `gst` only): "long-enough" timeouts read no age. */
  aged?: boolean;
}

const PARTS = ["history", "gst", "partition", "crashCount", "duplicateCount", "replayCount"] as const;

export class StateLayout {
  readonly history: boolean;
  /** Whether in-flight entries carry an age (partial synchrony). */
  /** Entries carry ages (partial synchrony's Δ rule). */
  readonly aged: boolean;
  /** The state has a GST word (partial synchrony). */
  readonly timed: boolean;
  readonly networkAt: number;
  /** Words per in-flight entry. */
  readonly entryWords: number;
  /** Each optional part's word, −1 where the state has none. */
  private readonly at: Record<(typeof PARTS)[number], number> = { history: -1, gst: -1, partition: -1, crashCount: -1, duplicateCount: -1, replayCount: -1 };
  /** The first word of adversary knowledge (faults.replay); `knowledgeWords` of them. */
  readonly knowledgeAt: number;
  readonly knowledgeWords: number;

  constructor(
    readonly actors: number,
    parts: LayoutParts = {},
  ) {
    let next = 1 + 2 * actors;
    for (const part of PARTS) if (parts[part] === true) this.at[part] = next++;
    this.knowledgeAt = next;
    this.knowledgeWords = parts.knowledge ?? 0;
    next += this.knowledgeWords;
    this.networkAt = next;
    this.history = parts.history === true;
    this.timed = parts.gst === true;
    this.aged = this.timed && parts.aged !== false;
    this.entryWords = this.aged ? 3 : 2;
  }

  snapshotAt(actor: number): number {
    return 1 + actor;
  }

  timersAt(actor: number): number {
    return 1 + this.actors + actor;
  }

  /** Where the history id is (only meaningful with `history`). */
  get historyAt(): number {
    return this.wordOf("history");
  }

  /** Where "GST has passed" is (partial synchrony only). */
  get gstAt(): number {
    return this.wordOf("gst");
  }

  /** Where the partition in force is (declared partitions only). */
  get partitionAt(): number {
    return this.wordOf("partition");
  }

  /** Where the crash steps taken are counted (recovery only). */
  get crashCountAt(): number {
    return this.wordOf("crashCount");
  }

  /** Where the duplicate steps taken are counted (a duplication budget only). */
  get duplicateCountAt(): number {
    return this.wordOf("duplicateCount");
  }

  /** Where the replays taken are counted (faults.replay only). */
  get replayCountAt(): number {
    return this.wordOf("replayCount");
  }

  private wordOf(part: (typeof PARTS)[number]): number {
    const at = this.at[part];
    if (at < 0) throw new Error(`runtime: this model's states have no ${part} word`);
    return at;
  }

  /** Words of a state with `entries` in-flight entries. */
  length(entries: number): number {
    return this.networkAt + 1 + this.entryWords * entries;
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

  /** The in-flight multiset as parallel arrays (envelope ids in the envelopes' order, copies, and ages when aged). */
  network(state: Uint32Array): InFlight {
    return this.networkInto(state, { envelopes: [], copies: [], ages: undefined });
  }

  /** `network(state)` into `into`'s arrays (emptied first): no allocation per step. */
  networkInto(state: Uint32Array, into: InFlight): InFlight {
    const count = this.envelopeCount(state);
    const { envelopes, copies } = into;
    envelopes.length = 0;
    copies.length = 0;
    const ages = this.aged ? (into.ages ??= []) : undefined;
    if (ages !== undefined) ages.length = 0;
    into.ages = ages;
    for (let i = 0, at = this.networkAt + 1; i < count; i++, at += this.entryWords) {
      envelopes.push(state[at]!);
      if (ages !== undefined) ages.push(state[at + 1]!);
      copies.push(state[at + this.entryWords - 1]!);
    }
    return into;
  }

  /** The compact key of a state given as `head` and multiset (state-encoding.ts). */
  encodeInto(head: Uint32Array, inFlight: InFlight, target: Uint8Array): number {
    const words = (this.scratch ??= new Uint32Array(SCRATCH_WORDS));
    words.set(head.subarray(0, this.networkAt));
    const { envelopes, copies, ages } = inFlight;
    words[this.networkAt] = envelopes.length;
    for (let i = 0, at = this.networkAt + 1; i < envelopes.length; i++, at += this.entryWords) {
      words[at] = envelopes[i]!;
      if (this.aged) words[at + 1] = ages![i]!;
      words[at + this.entryWords - 1] = copies[i]!;
    }
    return encodeWords(this, words, this.length(envelopes.length), target);
  }

  private scratch: Uint32Array | undefined;

  /** The compact key of a built state (state-encoding.ts). */
  encodeStateInto(state: Uint32Array, target: Uint8Array): number {
    return encodeWords(this, state, state.length, target);
  }

  /** The compact key of a state's first `length` words, as they lie in `words` (state-encoding.ts). */
  encodeWordsInto(words: Uint32Array, length: number, target: Uint8Array): number {
    return encodeWords(this, words, length, target);
  }

  /** The state whose compact key starts at `source[offset]` (state-encoding.ts). */
  decode(source: Uint8Array, offset: number): Uint32Array {
    return decodeState(this, source, offset);
  }

  private slab = new Uint32Array(0);
  private slabUsed = 0;

  /**
   * A zeroed state of `length` words, carved from a shared slab: V8 makes a typed array over an
   * existing buffer far faster than one with a buffer of its own, and the explorer makes one
   * per expanded or new state. A slab lives as long as any state carved from it.
   */
  allocate(length: number): Uint32Array {
    if (this.slabUsed + length > this.slab.length) {
      this.slab = new Uint32Array(Math.max(SLAB_WORDS, length));
      this.slabUsed = 0;
    }
    const state = this.slab.subarray(this.slabUsed, this.slabUsed + length);
    this.slabUsed += length;
    return state;
  }

  /** A copy of `words`' first `length` words as a state (`allocate`). */
  copyOf(words: Uint32Array, length: number): Uint32Array {
    const state = this.allocate(length);
    for (let i = 0; i < length; i++) state[i] = words[i]!;
    return state;
  }

  /** A state with `head` (the words before the network) and the given multiset. */
  build(head: Uint32Array, inFlight: InFlight): Uint32Array {
    const { envelopes, copies, ages } = inFlight;
    const state = this.allocate(this.length(envelopes.length));
    state.set(head.subarray(0, this.networkAt));
    state[this.networkAt] = envelopes.length;
    for (let i = 0, at = this.networkAt + 1; i < envelopes.length; i++, at += this.entryWords) {
      state[at] = envelopes[i]!;
      if (this.aged) state[at + 1] = ages![i]!;
      state[at + this.entryWords - 1] = copies[i]!;
    }
    return state;
  }
}
