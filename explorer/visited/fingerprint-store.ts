import { ensureCapacity } from "./growable.ts";
import { murmur3 } from "./murmur3.ts";
import { SlotTable } from "./slot-table.ts";
import type { VisitedSet } from "./visited-set.ts";

const SEED_LOW = 0x9747b28c;
const SEED_HIGH = 0x2545f491;

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
  private readonly table = new SlotTable();
  private high = new Int32Array(1 << 15);

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
}

/** Birthday bound on a fingerprint collision among `states` 64-bit fingerprints. */
export function omissionProbability(states: number): number {
  return Math.min(1, (states * (states - 1)) / 2 ** 65);
}
