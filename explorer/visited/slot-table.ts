import { corruptCheckpoint } from "../checkpoint/corrupt.ts";

/**
 * The open-addressing index shared by both visited sets: a power-of-two table of
 * `(hash, id + 1)` pairs in one `Int32Array` (0 = empty), probed linearly from the key's
 * 32-bit hash. Keeping the hash beside the id lets a probe reject a mismatch from the one
 * cache line it already read, and lets the table grow without re-reading any key. Kept at most
 * half full. Ids are dense (0, 1, 2, …): they index the key arena, the parent log and any
 * per-state array.
 */
export class SlotTable {
  /** `pairs[2s]` = hash of slot s's key, `pairs[2s + 1]` = its id + 1 (0: empty slot). */
  pairs: Int32Array;
  /** Slot count − 1 (the count is a power of two). */
  mask: number;
  size = 0;

  constructor(initialSlots = 1 << 16) {
    let capacity = 16;
    while (capacity < initialSlots) capacity *= 2;
    this.pairs = new Int32Array(capacity * 2);
    this.mask = capacity - 1;
  }

  /**
   * The table saved in a checkpoint, as it was (`pairs` is copied): ids keep their slots, so
   * the resumed run probes exactly as the interrupted one would have.
   */
  static restore(pairs: Int32Array, size: number): SlotTable {
    const slots = pairs.length / 2;
    if (slots < 16 || (slots & (slots - 1)) !== 0) throw corruptCheckpoint(`slot table of ${pairs.length} entries`);
    let used = 0;
    for (let slot = 0; slot < slots; slot++) {
      const entry = pairs[2 * slot + 1];
      if (entry === 0) continue;
      if (entry < 0 || entry > size) throw corruptCheckpoint(`slot table names id ${entry - 1} of ${size}`);
      used++;
    }
    // A table with no empty slot would make every probe loop forever.
    if (used !== size) throw corruptCheckpoint(`slot table holds ${used} ids, not ${size}`);
    if (size * 4 > slots * 3) throw corruptCheckpoint(`slot table of ${slots} slots is too full for ${size} ids`);
    const table = new SlotTable(16);
    table.pairs = pairs.slice();
    table.mask = slots - 1;
    table.size = size;
    return table;
  }

  /** Places the next dense id at the empty slot `slot` found by probing; returns the id. */
  add(slot: number, hash: number): number {
    const id = this.size++;
    this.pairs[2 * slot] = hash;
    this.pairs[2 * slot + 1] = id + 1;
    if (this.size * 4 > (this.mask + 1) * 3) this.grow();
    return id;
  }

  get bytes(): number {
    return this.pairs.byteLength;
  }

  private grow(): void {
    const old = this.pairs;
    const pairs = new Int32Array(old.length * 2);
    const mask = (pairs.length >>> 1) - 1;
    for (let at = 0; at < old.length; at += 2) {
      if (old[at + 1] === 0) continue;
      let slot = old[at] & mask;
      while (pairs[2 * slot + 1] !== 0) slot = (slot + 1) & mask;
      pairs[2 * slot] = old[at];
      pairs[2 * slot + 1] = old[at + 1];
    }
    this.pairs = pairs;
    this.mask = mask;
  }
}
