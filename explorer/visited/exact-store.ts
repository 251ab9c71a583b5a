import { ensureCapacity } from "./growable.ts";
import { murmur3 } from "./murmur3.ts";
import { SlotTable } from "./slot-table.ts";
import type { VisitedSet } from "./visited-set.ts";

const SEED = 0x9747b28c;
const VARIABLE = -1;

/**
 * Exact visited set: every key's bytes are kept in one byte arena, and a hash match is
 * confirmed byte by byte, so two states are identified only when their encodings are equal
 * (no omission, unlike fingerprints). While all keys have one width w (the common case:
 * fixed-layout states), key `id` sits at `id · w` and no offsets are stored; the first key of
 * another width switches to an offsets array (`start[id]`, `start[id + 1]`). The arena is
 * addressed by 32-bit offsets: at most 4 GiB of keys.
 */
export class ExactStateStore implements VisitedSet {
  private readonly table = new SlotTable();
  private arena = new Uint8Array(1 << 20);
  private arenaUsed = 0;
  /** The width of every key so far, or VARIABLE once widths differ (then `start` is used). */
  private width = 0;
  private start = new Uint32Array(0);

  get size(): number {
    return this.table.size;
  }

  insert(bytes: Uint8Array, length: number): number {
    const hash = murmur3(bytes, 0, length, SEED) | 0;
    const { table } = this;
    const pairs = table.pairs;
    const mask = table.mask;
    let slot = hash & mask;
    for (;;) {
      const entry = pairs[2 * slot + 1];
      if (entry === 0) break;
      if (pairs[2 * slot] === hash && this.keyEquals(entry - 1, bytes, length)) return -entry;
      slot = (slot + 1) & mask;
    }
    this.append(bytes, length);
    return table.add(slot, hash);
  }

  private keyEquals(id: number, bytes: Uint8Array, length: number): boolean {
    let from: number;
    if (this.width !== VARIABLE) {
      if (this.width !== length) return false;
      from = id * length;
    } else {
      from = this.start[id];
      if (this.start[id + 1] - from !== length) return false;
    }
    const arena = this.arena;
    for (let i = 0; i < length; i++) if (arena[from + i] !== bytes[i]) return false;
    return true;
  }

  private append(bytes: Uint8Array, length: number): void {
    const id = this.table.size;
    if (id === 0) this.width = length;
    else if (this.width !== VARIABLE && this.width !== length) this.switchToOffsets();
    const from = this.arenaUsed;
    if (from + length > 0xffffffff) throw new Error("visited set: the key arena is full (4 GiB of encodings)");
    this.arena = ensureCapacity(this.arena, from + length);
    for (let i = 0; i < length; i++) this.arena[from + i] = bytes[i];
    this.arenaUsed = from + length;
    if (this.width === VARIABLE) {
      this.start = ensureCapacity(this.start, id + 2);
      this.start[id + 1] = this.arenaUsed;
    }
  }

  private switchToOffsets(): void {
    const { size } = this.table;
    this.start = new Uint32Array(Math.max(16, size * 2));
    for (let id = 0; id <= size; id++) this.start[id] = id * this.width;
    this.width = VARIABLE;
  }

  /** The arena holding every key (replaced when it grows: read it again after an insert). */
  get keys(): Uint8Array {
    return this.arena;
  }

  /** Where key `id` starts in `keys`. */
  keyStart(id: number): number {
    return this.width !== VARIABLE ? id * this.width : this.start[id];
  }

  /** The stored encoding of state `id` (a view into the arena: copy it to keep it). */
  keyOf(id: number): Uint8Array {
    if (id < 0 || id >= this.size) throw new RangeError(`no state with id ${id}`);
    if (this.width !== VARIABLE) return this.arena.subarray(id * this.width, (id + 1) * this.width);
    return this.arena.subarray(this.start[id], this.start[id + 1]);
  }

  bytesPerState(): number {
    return (this.table.bytes + this.arena.byteLength + this.start.byteLength) / Math.max(1, this.size);
  }
}
