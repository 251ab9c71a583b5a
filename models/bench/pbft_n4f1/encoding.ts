import { COMPONENTS, type PbftState } from "./layout.ts";

/** Every component fits in 2 bits (SPEC.md §3): 39 × 2 = 78 bits → 10 bytes per state. */
export const ENCODED_LENGTH = Math.ceil((COMPONENTS * 2) / 8);

/** Canonical and injective: component c occupies bits 2(c mod 4) of byte ⌊c/4⌋. */
export function encodeInto(state: PbftState, target: Uint8Array): number {
  let c = 0;
  for (let byte = 0; byte < ENCODED_LENGTH - 1; byte++) {
    target[byte] = state[c] | (state[c + 1] << 2) | (state[c + 2] << 4) | (state[c + 3] << 6);
    c += 4;
  }
  // The last byte holds components 36–38 (39 is not a multiple of 4).
  target[ENCODED_LENGTH - 1] = state[36] | (state[37] << 2) | (state[38] << 4);
  return ENCODED_LENGTH;
}

export function encode(state: PbftState): Uint8Array {
  const bytes = new Uint8Array(ENCODED_LENGTH);
  encodeInto(state, bytes);
  return bytes;
}

/** The inverse of `encodeInto`: the state whose 10-byte encoding starts at `source[offset]`. */
export function decode(source: Uint8Array, offset: number): PbftState {
  const state = new Uint8Array(COMPONENTS);
  let c = 0;
  for (let byte = offset; byte < offset + ENCODED_LENGTH; byte++) {
    const packed = source[byte];
    state[c] = packed & 3;
    state[c + 1] = (packed >>> 2) & 3;
    state[c + 2] = (packed >>> 4) & 3;
    if (c + 3 < COMPONENTS) state[c + 3] = packed >>> 6;
    c += 4;
  }
  return state;
}
