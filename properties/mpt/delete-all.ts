import fc from "fast-check";
import { EMPTY_ROOT, MerklePatriciaTrie } from "../../impl/mpt/index.ts";
import { trieEntries } from "./trie-arbitraries.ts";
import { entriesToHex, fromHex, toHex } from "./hex-entries.ts";
import type { HexEntry } from "./hex-entries.ts";
import { settle } from "./property-outcome.ts";
import type { PropertyOutcome, RunParameters } from "./property-outcome.ts";

export const DELETE_ALL_EMPTIES = "deleting every key returns the empty root";

export interface DeleteAllInput {
  entries: HexEntry[];
  /** The delete order: entry i is deleted at rank order[i] (ties by index). */
  order: number[];
}

export function replayDeleteAll(input: DeleteAllInput): string | null {
  const trie = new MerklePatriciaTrie();
  for (const [key, value] of input.entries) trie.put(fromHex(key), fromHex(value));
  const ranked = input.entries.map(([key], index) => ({ key, rank: input.order[index] ?? 0, index }));
  ranked.sort((a, b) => a.rank - b.rank || a.index - b.index);
  for (const { key } of ranked) trie.delete(fromHex(key));
  const root = toHex(trie.root());
  return root === toHex(EMPTY_ROOT) ? null : `after deleting all ${input.entries.length} keys the root is ${root}, not the empty root`;
}

/** Reference only: any set of puts followed by deleting every key, in any order, leaves keccak(RLP("")). */
export function checkDeleteAll(parameters: RunParameters): PropertyOutcome<DeleteAllInput> {
  const input = fc.record({ entries: trieEntries.map(entriesToHex), order: fc.array(fc.nat({ max: 1000 }), { maxLength: 24 }) });
  return settle(
    DELETE_ALL_EMPTIES,
    "impl/mpt",
    fc.check(fc.property(input, (value) => replayDeleteAll(value) === null), parameters),
    parameters,
    ([value]) => value,
    replayDeleteAll,
  );
}
