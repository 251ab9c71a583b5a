import { keccakF1600 } from "./keccak-f1600.ts";

/**
 * Keccak-256 as Ethereum uses it (the original Keccak padding 0x01…0x80, not SHA3-256's 0x06),
 * rate 136 bytes (FIPS 202 §5.1 pad10*1 with Keccak's domain byte). Hashing the trie's nodes is
 * most of the work of root() and of proof verification, so this one is tuned for it: lanes
 * absorbed straight from the input, and an unrolled permutation (keccak-f1600.ts). Tested
 * against @noble/hashes' keccak_256 on every length from 0 to 700 bytes.
 */
const RATE = 136;
// Scratch for one call at a time (JavaScript runs one call at a time); reset on entry.
const state = new Int32Array(50);
const tail = new Uint8Array(RATE);

function absorbBlock(bytes: Uint8Array, offset: number): void {
  for (let lane = 0, o = offset; lane < 34; lane++, o += 4) {
    state[lane] ^= bytes[o] | (bytes[o + 1] << 8) | (bytes[o + 2] << 16) | (bytes[o + 3] << 24);
  }
  keccakF1600(state);
}

/** keccak-256 of input[0 .. length) (the whole input by default). */
export function keccak256(input: Uint8Array, length: number = input.length): Uint8Array {
  state.fill(0);
  let offset = 0;
  for (; offset + RATE <= length; offset += RATE) absorbBlock(input, offset);
  const rest = length - offset;
  tail.fill(0);
  for (let i = 0; i < rest; i++) tail[i] = input[offset + i];
  tail[rest] ^= 0x01;
  tail[RATE - 1] ^= 0x80;
  absorbBlock(tail, 0);
  const out = new Uint8Array(32);
  for (let i = 0; i < 8; i++) {
    const word = state[i];
    out[4 * i] = word;
    out[4 * i + 1] = word >>> 8;
    out[4 * i + 2] = word >>> 16;
    out[4 * i + 3] = word >>> 24;
  }
  return out;
}
