/**
 * xoshiro128** (Blackman & Vigna, "Scrambled linear pseudorandom number generators", 2021):
 * 32-bit state words, fast in JS with `Math.imul`, seeded through splitmix32 so that any
 * integer seed (including 0) gives a well-mixed, non-zero state. Every random choice of the
 * explorer flows from the one seed printed in the Result.
 */
export interface Prng {
  /** A uniform integer in [0, bound). */
  below(bound: number): number;
  /** The next raw 32-bit output. */
  next(): number;
  /** The four state words: `restoreXoshiro128ss` of them continues the very same sequence (checkpoints). */
  state(): Uint32Array;
}

function splitmix32(seed: number): () => number {
  let s = seed | 0;
  return () => {
    s = (s + 0x9e3779b9) | 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

export function xoshiro128ss(seed: number): Prng {
  const init = splitmix32(seed);
  return restoreXoshiro128ss([init(), init(), init(), init()]);
}

/** The generator whose state words are `words` (from `Prng.state()`); all-zero is no valid state. */
export function restoreXoshiro128ss(words: ArrayLike<number>): Prng {
  if (words.length !== 4) throw new RangeError(`xoshiro128** has 4 state words, got ${words.length}`);
  let a = words[0] | 0;
  let b = words[1] | 0;
  let c = words[2] | 0;
  let d = words[3] | 0;
  // The all-zero state is xoshiro's one fixed point: it would draw 0 forever.
  if ((a | b | c | d) === 0) throw new RangeError("xoshiro128** state must not be all zero");
  const next = (): number => {
    const result = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0;
    const t = b << 9;
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= t;
    d = rotl(d, 11);
    return result;
  };
  return {
    next,
    // Lemire-free rejection sampling: exact uniformity matters more than the odd extra draw.
    below(bound: number): number {
      if (!Number.isInteger(bound) || bound <= 0 || bound > 0x100000000) throw new RangeError(`bound must be in 1..2^32, got ${bound}`);
      const limit = 0x100000000 - (0x100000000 % bound);
      let x = next();
      while (x >= limit) x = next();
      return x % bound;
    },
    state: () => Uint32Array.of(a, b, c, d),
  };
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
