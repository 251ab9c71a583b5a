import { uniformInt } from "pure-rand/distribution/uniformInt";
import { xoroshiro128plusFromState } from "pure-rand/generator/xoroshiro128plus";
import type { RandomGenerator } from "pure-rand/types/RandomGenerator";
import { murmur3 } from "./visited/murmur3.ts";

/**
 * The one seeded source of randomness: the explorer's random walks, the runtime's and the
 * cluster's simulations all draw from it, so every random choice flows from the one seed
 * printed in the Result and a counterexample replays bit for bit. The generator is
 * pure-rand's xoroshiro128+ (the library fast-check itself runs on: kept, tested and fast),
 * not one of our own.
 */
export interface Prng {
  /** A uniform integer in [0, bound), without modulo bias (pure-rand's `uniformInt` rejects). */
  below(bound: number): number;
  /** The next raw 32-bit output, unsigned. */
  next(): number;
  /** The four state words: `restorePrng` of them continues the very same sequence (checkpoints). */
  state(): Uint32Array;
}

/** Seeds are 32-bit words: the Schedule and `--seed` refuse the rest before they get here. */
export const MAX_SEED = 0xffffffff;

/**
 * The generator for `seed`. Not pure-rand's own `xoroshiro128plus(seed)`: it lays the seed
 * into the state as is, and xoroshiro's state update and its outputs' low bits are linear in
 * the state, so that neighbouring seeds drew related sequences (seeds 0..19999: the first
 * `below(2)` of seed s and of s + 1 always differed, even after a jump 7614 of 19999 second
 * draws agreed, where 10000 is fair). Two MurmurHash3 words of the seed (non-linear, already
 * in the tree for the visited set) fill half the state instead; the seed and its complement
 * fill the other half, which keeps distinct seeds distinct and the state never all zero.
 */
export function seededPrng(seed: number): Prng {
  if (!Number.isInteger(seed) || seed < 0 || seed > MAX_SEED) throw new RangeError(`seed must be a whole number from 0 to ${MAX_SEED}, got ${seed}`);
  const bytes = new Uint8Array(Uint32Array.of(seed).buffer);
  return restorePrng([murmur3(bytes, 0, 4, 1), murmur3(bytes, 0, 4, 2), seed, ~seed >>> 0]);
}

/** The generator whose state words are `words` (from `Prng.state()`); all-zero is no valid state. */
export function restorePrng(words: ArrayLike<number>): Prng {
  if (words.length !== 4) throw new RangeError(`xoroshiro128+ has 4 state words, got ${words.length}`);
  const state = Array.from(words, (word) => word | 0);
  // The all-zero state is xoroshiro's one fixed point: it would draw 0 forever.
  if (state.every((word) => word === 0)) throw new RangeError("xoroshiro128+ state must not be all zero");
  return wrap(xoroshiro128plusFromState(state));
}

function wrap(generator: RandomGenerator): Prng {
  return {
    below(bound: number): number {
      if (!Number.isInteger(bound) || bound <= 0 || bound > 0x100000000) throw new RangeError(`bound must be in 1..2^32, got ${bound}`);
      return uniformInt(generator, 0, bound - 1);
    },
    next: () => generator.next() >>> 0,
    // pure-rand keeps the words signed; a checkpoint stores them unsigned.
    state: () => Uint32Array.from(generator.getState()),
  };
}
