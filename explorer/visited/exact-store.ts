import { ensureCapacity } from "./growable.ts";
import { murmur3 } from "./murmur3.ts";
import { SlotTable } from "./slot-table.ts";
import type { VisitedSet } from "./visited-set.ts";

const SEED = 0x9747b28c;

/**
 * Exact visited set: every key's bytes are kept in one byte arena; `start[id]` and
 * `start[id + 1]` delimit key `id`. A hash match is confirmed byte by byte, so two states
 * are identified only when their encodings are equal (no omission, unlike fingerprints).
 * The arena is addressed by 32-bit offsets: at most 4 GiB of keys.
 */
export class ExactStateStore implements VisitedSet {
  private readonly table = new SlotTable();
  private arena = new Uint8Array(1 << 20);
  private start = new Uint32Array(1 << 16);

  get size(): number {
    return this.table.size;
  }

  insert(bytes: Uint8Array, length: number): number {
    const hash = murmur3(bytes, 0, length, SEED);
    const { table } = this;
    const slots = table.slots;
    const mask = table.mask;
    const arena = this.arena;
    let slot = hash & mask;
    for (;;) {
      const entry = slots[slot];
      if (entry === 0) break;
      const id = entry - 1;
      if (table.hashOf[id] === hash) {
        const from = this.start[id];
        if (this.start[id + 1] - from === length) {
          let same = true;
          for (let i = 0; i < length; i++) {
            if (arena[from + i] !== bytes[i]) {
              same = false;
              break;
            }
          }
          if (same) return -1 - id;
        }
      }
      slot = (slot + 1) & mask;
    }
    const id = table.size;
    const from = this.start[id];
    if (from + length > 0xffffffff) throw new Error("visited set: the key arena is full (4 GiB of encodings)");
    this.arena = ensureCapacity(this.arena, from + length);
    this.arena.set(length === bytes.length ? bytes : bytes.subarray(0, length), from);
    this.start = ensureCapacity(this.start, id + 2);
    this.start[id + 1] = from + length;
    return table.add(slot, hash);
  }

  /** The stored encoding of state `id` (a view into the arena: copy it to keep it). */
  keyOf(id: number): Uint8Array {
    if (id < 0 || id >= this.size) throw new RangeError(`no state with id ${id}`);
    return this.arena.subarray(this.start[id], this.start[id + 1]);
  }

  bytesPerState(): number {
    return this.table.bytesPerEntry + (this.arena.byteLength + this.start.byteLength) / Math.max(1, this.size);
  }
}
