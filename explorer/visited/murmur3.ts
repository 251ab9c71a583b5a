/**
 * MurmurHash3, x86 32-bit variant (Austin Appleby, public domain; reference
 * `MurmurHash3_x86_32` in smhasher/src/MurmurHash3.cpp). Chosen for the visited set because
 * it mixes every input bit into every output bit with a handful of `Math.imul`s, and two
 * differently seeded runs give the two halves of a 64-bit fingerprint.
 */
const C1 = 0xcc9e2d51;
const C2 = 0x1b873593;

function scramble(k: number): number {
  k = Math.imul(k, C1);
  k = (k << 15) | (k >>> 17);
  return Math.imul(k, C2);
}

/** The unsigned 32-bit hash of `bytes[start, end)`. */
export function murmur3(bytes: Uint8Array, start: number, end: number, seed: number): number {
  let h = seed | 0;
  let i = start;
  for (; i + 4 <= end; i += 4) {
    h ^= scramble(bytes[i] | (bytes[i + 1] << 8) | (bytes[i + 2] << 16) | (bytes[i + 3] << 24));
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  const tail = end - i;
  if (tail > 0) {
    let k = bytes[i];
    if (tail > 1) k |= bytes[i + 1] << 8;
    if (tail > 2) k |= bytes[i + 2] << 16;
    h ^= scramble(k);
  }
  h ^= end - start;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
