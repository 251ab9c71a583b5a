/**
 * Nibble paths and the hex-prefix encoding of the Ethereum Yellow Paper, Appendix C.
 * A trie path is a sequence of 4-bit nibbles, high nibble of each key byte first.
 */

/** Key bytes → one nibble per element (high nibble first), as Yellow Paper App. D reads keys. */
export function bytesToNibbles(bytes: Uint8Array): Uint8Array {
  const nibbles = new Uint8Array(bytes.length * 2);
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    nibbles[2 * i] = b >> 4;
    nibbles[2 * i + 1] = b & 0x0f;
  }
  return nibbles;
}

/** Length of the common prefix of a[aStart..] and b[bStart..]. */
export function commonPrefixLength(a: Uint8Array, aStart: number, b: Uint8Array, bStart: number): number {
  const max = Math.min(a.length - aStart, b.length - bStart);
  let i = 0;
  while (i < max && a[aStart + i] === b[bStart + i]) i++;
  return i;
}

/** Concatenate nibble paths (used when a delete collapses a branch into its only child). */
export function concatNibbles(...parts: Uint8Array[]): Uint8Array {
  let length = 0;
  for (const part of parts) length += part.length;
  const out = new Uint8Array(length);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** Bytes the hex-prefix encoding of an n-nibble path takes: the flag nibble pads it to whole bytes. */
export function hexPrefixLength(nibbleCount: number): number {
  return 1 + (nibbleCount >> 1);
}

/**
 * Yellow Paper App. C, HP(x, t): the first nibble is the flag 2·t + (|x| mod 2) (t = 1 for a leaf);
 * an odd-length path puts its first nibble beside the flag, an even one pads with a zero nibble.
 * Writes into `out` at `offset` and returns the offset after it.
 */
export function writeHexPrefix(path: Uint8Array, isLeaf: boolean, out: Uint8Array, offset: number): number {
  const odd = path.length & 1;
  const flag = (isLeaf ? 2 : 0) + odd;
  let o = offset;
  let i = 0;
  if (odd === 1) {
    out[o++] = (flag << 4) | path[0];
    i = 1;
  } else {
    out[o++] = flag << 4;
  }
  for (; i < path.length; i += 2) out[o++] = (path[i] << 4) | path[i + 1];
  return o;
}

export function hexPrefixEncode(path: Uint8Array, isLeaf: boolean): Uint8Array {
  const out = new Uint8Array(hexPrefixLength(path.length));
  writeHexPrefix(path, isLeaf, out, 0);
  return out;
}

export interface HexPrefixPath {
  path: Uint8Array;
  isLeaf: boolean;
}

/** Inverse of HP; throws a RangeError on a flag other than 0–3 or a non-zero pad nibble. */
export function hexPrefixDecode(encoded: Uint8Array): HexPrefixPath {
  if (encoded.length === 0) throw new RangeError("hex-prefix path is empty (it needs at least the flag byte)");
  const flag = encoded[0] >> 4;
  if (flag > 3) throw new RangeError(`hex-prefix flag nibble ${flag} is not 0–3`);
  const odd = flag & 1;
  if (odd === 0 && (encoded[0] & 0x0f) !== 0) throw new RangeError("hex-prefix pad nibble of an even path is not zero");
  const path = new Uint8Array((encoded.length - 1) * 2 + odd);
  let p = 0;
  if (odd === 1) path[p++] = encoded[0] & 0x0f;
  for (let i = 1; i < encoded.length; i++) {
    path[p++] = encoded[i] >> 4;
    path[p++] = encoded[i] & 0x0f;
  }
  return { path, isLeaf: flag >= 2 };
}
