import fc from "fast-check";
import { keccak_256 } from "@noble/hashes/sha3.js";

/**
 * Keys for the trie suites (seed-catalogue A40–A42, T1): short keys of 0–4 bytes over bytes that
 * share nibbles (0x00, 0x01, 0x10, 0x11, 0xff), so shared prefixes of every nibble length, odd
 * and even, proper-prefix keys and repeated keys are common; and 32-byte keys (hashed keys, as
 * in the secure trie) that share exactly `n` leading nibbles with one base key, n = 0…64.
 */
const NIBBLE_SHARING_BYTES = [0x00, 0x01, 0x10, 0x11, 0xff] as const;
const BASE_KEY = keccak_256(new TextEncoder().encode("consensus-check mpt base key"));

export const shortKey: fc.Arbitrary<Uint8Array> = fc
  .array(fc.constantFrom(...NIBBLE_SHARING_BYTES), { maxLength: 4 })
  .map((bytes) => Uint8Array.from(bytes));

export function shortKeyOfLength(length: number): fc.Arbitrary<Uint8Array> {
  return fc.array(fc.constantFrom(...NIBBLE_SHARING_BYTES), { minLength: length, maxLength: length }).map((bytes) => Uint8Array.from(bytes));
}

/** A 32-byte key equal to the base key in its first `shared` nibbles and different in the next. */
export const hashedKey: fc.Arbitrary<Uint8Array> = fc
  .tuple(fc.integer({ min: 0, max: 64 }), fc.integer({ min: 1, max: 15 }))
  .map(([shared, flip]) => {
    const key = BASE_KEY.slice();
    if (shared < 64) key[shared >> 1] ^= shared % 2 === 0 ? flip << 4 : flip;
    return key;
  });

export const trieKey: fc.Arbitrary<Uint8Array> = fc.oneof(shortKey, hashedKey);

/** Values of 1–40 bytes: both sides of the 32-byte line between embedded and hashed nodes. */
export const trieValue: fc.Arbitrary<Uint8Array> = fc.uint8Array({ minLength: 1, maxLength: 40 });

export interface Entry {
  key: Uint8Array;
  value: Uint8Array;
}

export const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString("hex");

/** Distinct keys with their values (what a trie holds at the end). */
export const trieEntries: fc.Arbitrary<Entry[]> = fc.uniqueArray(
  fc.record({ key: trieKey, value: trieValue }),
  { maxLength: 24, selector: (entry) => hex(entry.key) },
);
