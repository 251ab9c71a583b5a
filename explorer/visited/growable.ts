/**
 * Typed arrays that grow by doubling. The visited set and the parent log keep one entry per
 * state in flat typed arrays (no object per state), so growth is an explicit copy.
 */
type TypedArray = Uint8Array | Uint16Array | Int32Array | Uint32Array;

export function ensureCapacity<T extends TypedArray>(array: T, needed: number): T {
  if (needed <= array.length) return array;
  let length = Math.max(array.length, 16);
  while (length < needed) length *= 2;
  const grown = new (array.constructor as new (length: number) => T)(length);
  grown.set(array);
  return grown;
}
