/** Byte-wise equality of two byte (or nibble) strings. */
export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && occursAt(a, 0, b);
}

/** Whether `part` occurs in `whole` starting at `offset` (a path continuing with a node's path). */
export function occursAt(whole: Uint8Array, offset: number, part: Uint8Array): boolean {
  if (whole.length - offset < part.length) return false;
  for (let i = 0; i < part.length; i++) if (whole[offset + i] !== part[i]) return false;
  return true;
}
