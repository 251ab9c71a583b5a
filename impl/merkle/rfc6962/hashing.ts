import { HASH_BYTES, sha256 } from "../sha256.ts";

/**
 * RFC 9162 §2.1.1 (= RFC 6962 §2.1): leaves and interior nodes are hashed with distinct
 * one-byte prefixes, 0x00 and 0x01, so that no leaf input can be presented as an interior
 * node and vice versa (second-preimage resistance of the tree, RFC 9162 §2.1.1 note).
 */
export const LEAF_PREFIX = 0x00;
export const NODE_PREFIX = 0x01;

/** RFC 9162 §2.1.1: MTH({}) = SHA-256(), the hash of the empty string (a fresh copy each call). */
export function emptyTreeRoot(): Uint8Array {
  return sha256(new Uint8Array(0));
}

/** MTH({d}) = SHA-256(0x00 || d). */
export function hashLeaf(data: Uint8Array): Uint8Array {
  const input = new Uint8Array(data.length + 1);
  input[0] = LEAF_PREFIX;
  input.set(data, 1);
  return sha256(input);
}

/** Reused input of hashChildren: sha256 reads it synchronously, so no call can see another's bytes. */
const nodeInput = new Uint8Array(1 + 2 * HASH_BYTES);

/** SHA-256(0x01 || left || right), for 32-byte children. */
export function hashChildren(left: Uint8Array, right: Uint8Array): Uint8Array {
  nodeInput[0] = NODE_PREFIX;
  nodeInput.set(left, 1);
  nodeInput.set(right, 1 + HASH_BYTES);
  return sha256(nodeInput);
}
