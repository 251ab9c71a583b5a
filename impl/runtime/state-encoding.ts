import type { StateLayout } from "./state-layout.ts";

/**
 * A state's key in the visited set: its words (state-layout.ts) written compactly. Canonical
 * because the words are, so equal keys mean equal states; `decodeState` reads one back, so BFS
 * keeps no state object between levels. Every number is an unsigned LEB128 varint, so the
 * small ids and counts a state holds take a byte or two instead of four; words that are mostly
 * zero are left out: the timer words behind a mask of the non-zero ones, and an entry's copies
 * when it is 1 (a flag in the low bit of its envelope id says which).
 *
 *   crashed bits · 2ⁿ + timer mask (two varints when n > 21: one must stay below 2⁵³), n
 *   snapshot ids, the non-zero timer words, the optional words, m, then per entry:
 *   envelope·2 + (copies > 1), [age], [copies when > 1]
 */
export function encodeWords(layout: StateLayout, words: Uint32Array, length: number, target: Uint8Array): number {
  const n = layout.actors;
  let mask = 0;
  for (let actor = 0; actor < n; actor++) if (words[1 + n + actor] !== 0) mask |= 1 << actor;
  // Most models have no crash and no timer set in most states: both fit one byte together.
  let at = n <= COMBINED_ACTORS ? writeLongVarint(target, 0, words[0]! * 2 ** n + (mask >>> 0)) : writeVarint(target, writeVarint(target, 0, words[0]!), mask >>> 0);
  for (let i = 1; i <= n; i++) at = writeVarint(target, at, words[i]!);
  if (mask !== 0) for (let actor = 0; actor < n; actor++) if ((mask & (1 << actor)) !== 0) at = writeVarint(target, at, words[1 + n + actor]!);
  for (let i = 1 + 2 * n; i <= layout.networkAt; i++) at = writeVarint(target, at, words[i]!);
  const step = layout.entryWords;
  for (let i = layout.networkAt + 1; i < length; i += step) {
    const copies = words[i + step - 1]!;
    at = writeVarint(target, at, words[i]! * 2 + (copies > 1 ? 1 : 0));
    if (layout.aged) at = writeVarint(target, at, words[i + 1]!);
    if (copies > 1) at = writeVarint(target, at, copies);
  }
  return at;
}

/** Reused across calls: decoding is hot (once per expanded state). */
let head = new Uint32Array(0);
/** Where `readVarint` reads next: module state, so that decoding allocates no closure per state. */
let cursor = 0;

/** The state whose key (`encodeWords`) starts at `source[offset]`, in the order it was written. */
export function decodeState(layout: StateLayout, source: Uint8Array, offset: number): Uint32Array {
  const n = layout.actors;
  if (head.length < layout.networkAt + 1) head = new Uint32Array(layout.networkAt + 1);
  cursor = offset;
  let mask: number;
  if (n <= COMBINED_ACTORS) {
    const both = readVarint(source);
    mask = both % 2 ** n;
    head[0] = Math.floor(both / 2 ** n);
  } else {
    head[0] = readVarint(source);
    mask = readVarint(source);
  }
  for (let i = 1; i <= n; i++) head[i] = readVarint(source);
  for (let actor = 0; actor < n; actor++) head[1 + n + actor] = (mask & (1 << actor)) === 0 ? 0 : readVarint(source);
  for (let i = 1 + 2 * n; i <= layout.networkAt; i++) head[i] = readVarint(source);
  const entryWords = layout.entryWords;
  const state = layout.allocate(layout.networkAt + 1 + entryWords * head[layout.networkAt]!);
  for (let i = 0; i <= layout.networkAt; i++) state[i] = head[i]!;
  for (let i = layout.networkAt + 1; i < state.length; i += entryWords) {
    const tagged = readVarint(source);
    state[i] = Math.floor(tagged / 2);
    if (entryWords === 3) state[i + 1] = readVarint(source);
    state[i + entryWords - 1] = tagged % 2 === 0 ? 1 : readVarint(source);
  }
  return state;
}

/** Up to this many actors, the crashed bits and the timer mask share one varint (32 + 21 bits ≤ 2⁵³). */
const COMBINED_ACTORS = 21;

/** A varint of a whole number below 2⁵³ (writeVarint takes 32 bits). */
function writeLongVarint(target: Uint8Array, at: number, value: number): number {
  while (value >= 0x80) {
    target[at++] = (value % 0x80) | 0x80;
    value = Math.floor(value / 0x80);
  }
  target[at++] = value;
  return at;
}

function writeVarint(target: Uint8Array, at: number, word: number): number {
  let value = word >>> 0;
  while (value >= 0x80) {
    target[at++] = (value & 0x7f) | 0x80;
    value >>>= 7;
  }
  target[at++] = value;
  return at;
}

function readVarint(source: Uint8Array): number {
  let value = 0;
  let scale = 1;
  let byte: number;
  do {
    byte = source[cursor++]!;
    value += (byte & 0x7f) * scale;
    scale *= 128;
  } while (byte & 0x80);
  return value;
}
