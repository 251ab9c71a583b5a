import { hash } from "node:crypto";

/**
 * One SHA-256 call. node:crypto's one-shot `hash` (Node ≥ 20.12) is the fastest per-call
 * SHA-256 on this machine (`npm run bench -- merkle` measures it against createHash and
 * @noble/hashes in the same run), so every Merkle variant hashes through here.
 */
export function sha256(data: Uint8Array): Uint8Array {
  // A latin1 digest decoded into a (pooled) Buffer costs ~0.45 µs against ~0.75 µs for the
  // "buffer" digest, whose Buffer is created on the C++ side; latin1 keeps every byte as is.
  return Buffer.from(hash("sha256", data, "binary"), "binary");
}

/** Bitcoin's "hash256": SHA-256 applied twice (Bitcoin Core, hash.h CHash256). */
export function doubleSha256(data: Uint8Array): Uint8Array {
  return sha256(sha256(data));
}

export const HASH_BYTES = 32;

/**
 * SHA-256 of `input` written into `out` at `offset`, for the bulk build. Asking node:crypto for
 * a latin1 digest and writing it into place costs about half of a Buffer digest (which allocates
 * a Buffer per call); latin1 maps the 256 byte values one to one, so the bytes are unchanged.
 */
export function sha256Into(input: Uint8Array, out: Buffer, offset: number): void {
  out.write(hash("sha256", input, "binary"), offset, HASH_BYTES, "binary");
}

export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
