import { sha256 } from "@noble/hashes/sha2.js";

/**
 * RFC 9162 §2.1.1 MTH written as the RFC states it, recursively, over @noble/hashes' SHA-256:
 * an oracle that shares neither the level-by-level layout nor the node:crypto hash of
 * impl/merkle/rfc6962, so property M6 compares two independent computations.
 *   MTH({})      = SHA-256()
 *   MTH({d(0)})  = SHA-256(0x00 || d(0))
 *   MTH(D[n])    = SHA-256(0x01 || MTH(D[0:k]) || MTH(D[k:n])), k the largest power of two < n
 */
export function oracleMth(leaves: readonly Uint8Array[]): Uint8Array {
  if (leaves.length === 0) return sha256(new Uint8Array(0));
  if (leaves.length === 1) return sha256(concat(Uint8Array.of(0x00), leaves[0]));
  let k = 1;
  while (k * 2 < leaves.length) k *= 2;
  return sha256(concat(Uint8Array.of(0x01), oracleMth(leaves.slice(0, k)), oracleMth(leaves.slice(k))));
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, p) => sum + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}
