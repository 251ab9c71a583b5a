import { keccak_256 } from "@noble/hashes/sha3.js";

/**
 * Keccak-256 as Ethereum uses it (the original Keccak padding, not SHA3-256's), from
 * @noble/hashes — the project's one hashing library (DEVELOPERS.md: use well-kept libraries
 * rather than writing them again). `length` hashes a prefix of a scratch buffer without
 * copying it: node-encoding.ts encodes every hashed node into one reused buffer.
 */
export function keccak256(input: Uint8Array, length: number = input.length): Uint8Array {
  return keccak_256(length === input.length ? input : input.subarray(0, length));
}
