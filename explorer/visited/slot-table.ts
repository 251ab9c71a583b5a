import { ensureCapacity } from "./growable.ts";

/**
 * The open-addressing index shared by both visited sets: a power-of-two `Int32Array` of
 * slots holding `id + 1` (0 = empty), probed linearly from the key's 32-bit hash, plus each
 * id's hash so that growing never re-reads the keys. Kept at most half full.
 * Ids are dense (0, 1, 2, …): they index the arena, the parent log and any per-state array.
 */
export class SlotTable {
  slots: Int32Array;
  mask: number;
  /** `hashOf[id]`: the 32-bit hash the id was placed by. */
  hashOf: Uint32Array;
  size = 0;

  constructor(initialSlots = 1 << 16) {
    let capacity = 16;
    while (capacity < initialSlots) capacity *= 2;
    this.slots = new Int32Array(capacity);
    this.mask = capacity - 1;
    this.hashOf = new Uint32Array(capacity >>> 1);
  }

  /** Places a new id (the next dense id) at the empty slot `slot`; returns the id. */
  add(slot: number, hash: number): number {
    const id = this.size++;
    this.slots[slot] = id + 1;
    this.hashOf = ensureCapacity(this.hashOf, this.size);
    this.hashOf[id] = hash;
    if (this.size * 2 > this.slots.length) this.grow();
    return id;
  }

  get bytesPerEntry(): number {
    return (this.slots.byteLength + this.hashOf.byteLength) / Math.max(1, this.size);
  }

  private grow(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    for (let id = 0; id < this.size; id++) {
      let slot = this.hashOf[id] & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = id + 1;
    }
    this.slots = slots;
    this.mask = mask;
  }
}
