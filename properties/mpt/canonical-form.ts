import fc from "fast-check";
import { trieEntries, trieKey } from "./trie-arbitraries.ts";
import { entriesToHex, fromHex, toHex } from "./hex-entries.ts";
import type { HexEntry } from "./hex-entries.ts";
import { settle } from "./property-outcome.ts";
import type { PropertyOutcome, RunParameters } from "./property-outcome.ts";
import type { TrieSubject } from "./trie-subject.ts";

export const T3_CANONICAL_FORM = "T3 canonical form";

export interface CanonicalFormInput {
  /** The final key→value map, distinct keys. */
  entries: HexEntry[];
  /** Sort keys that permute the inserts: entry i goes in at rank order[i] (ties by index). */
  order: number[];
  /** Keys put (with value 0x01) before the entries and deleted after them; only where the subject deletes. */
  transient: string[];
}

function permuted<T>(items: readonly T[], order: readonly number[]): T[] {
  return items
    .map((item, index) => ({ item, index, rank: order[index] ?? 0 }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map(({ item }) => item);
}

/** Null when the shuffled history (with transient keys) fingerprints as the sorted inserts do. */
export function replayCanonicalForm(subject: TrieSubject, input: CanonicalFormInput): string | null {
  const sorted = [...input.entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const baseline = subject.create();
  for (const [key, value] of sorted) baseline.put(fromHex(key), fromHex(value));
  const shuffled = subject.create();
  const present = new Set(input.entries.map(([key]) => key));
  const transient = subject.supportsDelete ? input.transient.filter((key) => !present.has(key)) : [];
  for (const key of transient) shuffled.put(fromHex(key), Uint8Array.of(1));
  for (const [key, value] of permuted(input.entries, input.order)) shuffled.put(fromHex(key), fromHex(value));
  for (const key of transient) shuffled.delete(fromHex(key));
  const a = baseline.fingerprint();
  const b = shuffled.fingerprint();
  return a === b ? null : `inserting the same ${input.entries.length} entries in another order${transient.length > 0 ? " (with transient keys)" : ""} gives ${b}, sorted order gives ${a}`;
}

/** T3: the root (and node structure) depends only on the final key→value map, not on history. */
export function checkCanonicalForm(subject: TrieSubject, parameters: RunParameters): PropertyOutcome<CanonicalFormInput> {
  const input = fc.record({
    entries: trieEntries.map(entriesToHex),
    order: fc.array(fc.nat({ max: 1000 }), { maxLength: 24 }),
    transient: fc.array(trieKey.map(toHex), { maxLength: 6 }),
  });
  return settle(
    T3_CANONICAL_FORM,
    subject.name,
    fc.check(fc.property(input, (value) => replayCanonicalForm(subject, value) === null), parameters),
    parameters,
    ([value]) => value,
    (value) => replayCanonicalForm(subject, value),
  );
}
