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
  let a = init();
  let b = init();
  let c = init();
  let d = init();
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
  };
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
