import { z } from "zod";
import { corruptCheckpoint, parseCheckpointPart } from "../checkpoint/corrupt.ts";
import type { PartSnapshot, SectionReader } from "../checkpoint/sections.ts";
import { ensureCapacity } from "./growable.ts";
import { murmur3 } from "./murmur3.ts";
import { SlotTable } from "./slot-table.ts";
import type { VisitedSet } from "./visited-set.ts";

const SEED_LOW = 0x9747b28c;
const SEED_HIGH = 0x2545f491;

const metaSchema = z.object({ kind: z.literal("fingerprint"), size: z.number().int().nonnegative(), highCapacity: z.number().int().nonnegative() });

/**
 * Fingerprint visited set (TLC's fingerprint set, SPIN's hash-compact `-DHC`): only a 64-bit
 * fingerprint of each encoding is kept, two MurmurHash3 runs with different seeds; the low
 * half sits in the slot table, the high half in `high[id]`. Two distinct states with equal
 * fingerprints are taken for one, and the second one's successors may be omitted. Treating
 * fingerprints as uniform, the probability that any collision happens among n stored states
 * is about n² / 2⁶⁵ (birthday bound): ~3.5·10⁻⁸ for the 1.14·10⁶ states of the PBFT oracle,
 * ~2.7·10⁻⁴ for 10⁸ states. See `omissionProbability`.
 */
export class FingerprintStore implements VisitedSet {
  private high = new Int32Array(1 << 15);

  /** A restored store passes its slot table; a new one starts empty. */
  constructor(private readonly table = new SlotTable()) {}

  get size(): number {
    return this.table.size;
  }

  insert(bytes: Uint8Array, length: number): number {
    const low = murmur3(bytes, 0, length, SEED_LOW) | 0;
    const high = murmur3(bytes, 0, length, SEED_HIGH) | 0;
    const { table } = this;
    const pairs = table.pairs;
    const mask = table.mask;
    let slot = low & mask;
    for (;;) {
      const entry = pairs[2 * slot + 1];
      if (entry === 0) break;
      if (pairs[2 * slot] === low && this.high[entry - 1] === high) return -entry;
      slot = (slot + 1) & mask;
    }
    const id = table.size;
    this.high = ensureCapacity(this.high, id + 1);
    this.high[id] = high;
    return table.add(slot, low);
  }

  bytesPerState(): number {
    return (this.table.bytes + this.high.byteLength) / Math.max(1, this.size);
  }

  /** The low halves live only in the slot table, so it is saved as is (with the high halves). */
  serialize(): PartSnapshot {
    const { size } = this;
    return { meta: { kind: "fingerprint", size, highCapacity: this.high.length }, sections: { pairs: this.table.pairs, high: this.high.subarray(0, size) } };
  }

  static deserialize(meta: unknown, sections: SectionReader): FingerprintStore {
    const { size, highCapacity } = parseCheckpointPart(metaSchema, meta, "visited");
    const high = sections.get("high", Int32Array);
    if (high.length !== size || highCapacity < size) throw corruptCheckpoint(`visited: ${high.length} fingerprints, ${size} expected`);
    const store = new FingerprintStore(SlotTable.restore(sections.get("pairs", Int32Array), size));
    store.high = new Int32Array(highCapacity);
    store.high.set(high);
    return store;
  }
}

/** Birthday bound on a fingerprint collision among `states` 64-bit fingerprints. */
export function omissionProbability(states: number): number {
  return Math.min(1, (states * (states - 1)) / 2 ** 65);
}
