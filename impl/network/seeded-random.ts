/**
 * A small seeded PRNG (mulberry32): every random choice of a simulation flows from the seed
 * that is printed with its result, so any run can be repeated exactly.
 */
export interface SeededRandom {
  readonly seed: number;
  /** A uniform integer in [0, bound). */
  nextInt(bound: number): number;
}

export function createSeededRandom(seed: number): SeededRandom {
  let state = seed >>> 0;
  return {
    seed,
    nextInt(bound: number): number {
      if (!Number.isInteger(bound) || bound <= 0) throw new Error(`nextInt needs a positive integer bound, got ${bound}`);
      state = (state + 0x6d2b79f5) >>> 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      const unit = ((t ^ (t >>> 14)) >>> 0) / 4294967296;
      return Math.floor(unit * bound);
    },
  };
}
