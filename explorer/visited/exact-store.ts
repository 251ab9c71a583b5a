import { z } from "zod";
import { corruptCheckpoint, parseCheckpointPart } from "../checkpoint/corrupt.ts";
import type { PartSnapshot, SectionReader } from "../checkpoint/sections.ts";
import { ensureCapacity } from "./growable.ts";
import { murmur3 } from "./murmur3.ts";
import { SlotTable } from "./slot-table.ts";
import type { VisitedSet } from "./visited-set.ts";

const SEED = 0x9747b28c;
const VARIABLE = -1;

const metaSchema = z.object({
  kind: z.literal("exact"),
  size: z.number().int().nonnegative(),
  width: z.number().int().min(VARIABLE),
  arenaUsed: z.number().int().nonnegative(),
  arenaCapacity: z.number().int().nonnegative(),
  startCapacity: z.number().int().nonnegative(),
});

/**
 * Exact visited set: every key's bytes are kept in one byte arena, and a hash match is
 * confirmed byte by byte, so two states are identified only when their encodings are equal
 * (no omission, unlike fingerprints). While all keys have one width w (the common case:
 * fixed-layout states), key `id` sits at `id · w` and no offsets are stored; the first key of
 * another width switches to an offsets array (`start[id]`, `start[id + 1]`). The arena is
 * addressed by 32-bit offsets: at most 4 GiB of keys.
 */
export class ExactStateStore implements VisitedSet {
  private arena = new Uint8Array(1 << 20);
  private arenaUsed = 0;
  /** The width of every key so far, or VARIABLE once widths differ (then `start` is used). */
  private width = 0;
  private start = new Uint32Array(0);

  /** A restored store passes its slot table; a new one starts empty. */
  constructor(private readonly table = new SlotTable()) {}

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

  /**
   * The slot table is saved as is rather than rebuilt on load: rebuilding rehashes every key
   * (~0.2 s per million), saving it costs 16 bytes per state slot on disk. Capacities are
   * saved too, so the resumed store grows (and reports bytes per state) as this one would.
   */
  serialize(): PartSnapshot {
    const { size } = this;
    const meta = { kind: "exact", size, width: this.width, arenaUsed: this.arenaUsed, arenaCapacity: this.arena.length, startCapacity: this.start.length };
    const sections: PartSnapshot["sections"] = { pairs: this.table.pairs, arena: this.arena.subarray(0, this.arenaUsed) };
    if (this.width === VARIABLE) sections.start = this.start.subarray(0, size + 1);
    return { meta, sections };
  }

  static deserialize(meta: unknown, sections: SectionReader): ExactStateStore {
    const { size, width, arenaUsed, arenaCapacity, startCapacity } = parseCheckpointPart(metaSchema, meta, "visited");
    const keys = sections.get("arena", Uint8Array);
    if (keys.length !== arenaUsed || arenaCapacity < arenaUsed) throw corruptCheckpoint(`visited: ${keys.length} key bytes, ${arenaUsed} expected`);
    const store = new ExactStateStore(SlotTable.restore(sections.get("pairs", Int32Array), size));
    store.arena = new Uint8Array(arenaCapacity);
    store.arena.set(keys);
    store.arenaUsed = arenaUsed;
    store.width = width;
    if (width === VARIABLE) {
      const start = sections.get("start", Uint32Array);
      if (start.length !== size + 1 || start[size] !== arenaUsed || startCapacity < size + 1) throw corruptCheckpoint("visited: key offsets do not match the keys");
      store.start = new Uint32Array(startCapacity);
      store.start.set(start);
    } else if (width * size !== arenaUsed) {
      throw corruptCheckpoint(`visited: ${size} keys of ${width} bytes are not ${arenaUsed} bytes`);
    }
    return store;
  }
}
