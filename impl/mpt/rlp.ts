/**
 * Recursive Length Prefix (Yellow Paper App. B), written by hand so that node encoding writes
 * straight into one buffer of the exact size. Tested against @ethereumjs/rlp.
 */

/** A decoded RLP item: a byte string or a list of items. */
export type RlpItem = Uint8Array | RlpItem[];

function lengthOfLength(length: number): number {
  let n = 0;
  for (let l = length; l > 0; l = Math.floor(l / 256)) n++;
  return n;
}

/** Bytes RLP needs for the header of a string or list whose payload is `length` bytes long. */
export function rlpHeaderLength(length: number): number {
  return length <= 55 ? 1 : 1 + lengthOfLength(length);
}

/** Encoded size of a byte string: a single byte below 0x80 is its own encoding (App. B, R_b). */
export function rlpStringLength(bytes: Uint8Array): number {
  if (bytes.length === 1 && bytes[0] < 0x80) return 1;
  return rlpHeaderLength(bytes.length) + bytes.length;
}

function writeHeader(base: number, length: number, out: Uint8Array, offset: number): number {
  if (length <= 55) {
    out[offset] = base + length;
    return offset + 1;
  }
  const n = lengthOfLength(length);
  out[offset] = base + 55 + n;
  for (let i = n, l = length; i >= 1; i--, l = Math.floor(l / 256)) out[offset + i] = l & 0xff;
  return offset + 1 + n;
}

export function writeRlpString(bytes: Uint8Array, out: Uint8Array, offset: number): number {
  if (bytes.length === 1 && bytes[0] < 0x80) {
    out[offset] = bytes[0];
    return offset + 1;
  }
  const o = writeHeader(0x80, bytes.length, out, offset);
  out.set(bytes, o);
  return o + bytes.length;
}

export function writeRlpListHeader(payloadLength: number, out: Uint8Array, offset: number): number {
  return writeHeader(0xc0, payloadLength, out, offset);
}

/** General-purpose encoder (tests, CLI); the trie's hot path uses node-encoding.ts instead. */
export function rlpEncode(item: RlpItem): Uint8Array {
  const out = new Uint8Array(encodedLength(item));
  const end = writeItem(item, out, 0);
  if (end !== out.length) throw new Error(`RLP encoder wrote ${end} of ${out.length} bytes`);
  return out;
}

function encodedLength(item: RlpItem): number {
  if (item instanceof Uint8Array) return rlpStringLength(item);
  let payload = 0;
  for (const child of item) payload += encodedLength(child);
  return rlpHeaderLength(payload) + payload;
}

function writeItem(item: RlpItem, out: Uint8Array, offset: number): number {
  if (item instanceof Uint8Array) return writeRlpString(item, out, offset);
  let payload = 0;
  for (const child of item) payload += encodedLength(child);
  let o = writeRlpListHeader(payload, out, offset);
  for (const child of item) o = writeItem(child, out, o);
  return o;
}

/**
 * Strict decoder: rejects trailing bytes, lengths running past the input and non-canonical
 * forms (a single byte below 0x80 wrapped in a header, long forms for short payloads, leading
 * zeros in a length), because a proof node must have exactly one encoding (App. B).
 * Returned strings are views into `bytes`.
 */
export function rlpDecode(bytes: Uint8Array): RlpItem {
  const [item, end] = decodeAt(bytes, 0, bytes.length);
  if (end !== bytes.length) throw new RangeError(`RLP has ${bytes.length - end} trailing byte(s) after the item`);
  return item;
}

function readLength(bytes: Uint8Array, offset: number, n: number, limit: number): number {
  if (offset + n > limit) throw new RangeError("RLP length runs past the end of the input");
  if (bytes[offset] === 0) throw new RangeError("RLP length has a leading zero byte");
  let length = 0;
  for (let i = 0; i < n; i++) length = length * 256 + bytes[offset + i];
  if (length <= 55) throw new RangeError("RLP uses the long form for a payload of at most 55 bytes");
  return length;
}

/** Where one item's content lies: [start, end) in the input, and whether it is a list. */
export interface RlpItemBounds {
  start: number;
  end: number;
  isList: boolean;
}

/**
 * Reads the header of the item at `offset` (which must end by `limit`) into `out`, with every
 * canonical-form check of rlpDecode; lets a reader walk an encoding without copying it.
 */
export function readRlpItem(bytes: Uint8Array, offset: number, limit: number, out: RlpItemBounds): void {
  if (offset >= limit) throw new RangeError("RLP input ends before the item");
  const b = bytes[offset];
  if (b < 0x80) {
    out.start = offset;
    out.end = offset + 1;
    out.isList = false;
    return;
  }
  const isList = b >= 0xc0;
  let start: number;
  let length: number;
  if (isList ? b <= 0xf7 : b <= 0xb7) {
    length = b - (isList ? 0xc0 : 0x80);
    start = offset + 1;
  } else {
    const n = b - (isList ? 0xf7 : 0xb7);
    length = readLength(bytes, offset + 1, n, limit);
    start = offset + 1 + n;
  }
  const end = start + length;
  if (end > limit) throw new RangeError("RLP item runs past the end of the input");
  if (!isList && length === 1 && bytes[start] < 0x80) throw new RangeError("RLP wraps a single byte below 0x80 in a string header");
  out.start = start;
  out.end = end;
  out.isList = isList;
}

function decodeAt(bytes: Uint8Array, offset: number, limit: number): [RlpItem, number] {
  const bounds: RlpItemBounds = { start: 0, end: 0, isList: false };
  readRlpItem(bytes, offset, limit, bounds);
  const { start, end } = bounds;
  if (!bounds.isList) return [bytes.subarray(start, end), end];
  const items: RlpItem[] = [];
  let o = start;
  while (o < end) {
    const [child, next] = decodeAt(bytes, o, end);
    items.push(child);
    o = next;
  }
  return [items, end];
}
