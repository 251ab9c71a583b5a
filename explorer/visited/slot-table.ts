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
