import fc from "fast-check";
import { bytesToNibbles } from "../../impl/mpt/index.ts";
import { trieEntries, trieKey } from "./trie-arbitraries.ts";
import { entriesToHex, fromHex, toHex } from "./hex-entries.ts";
import type { HexEntry } from "./hex-entries.ts";
import { settle } from "./property-outcome.ts";
import type { PropertyOutcome, RunParameters } from "./property-outcome.ts";
import type { TrieShape, TrieSubject } from "./trie-subject.ts";

export const T4_STRUCTURE = "T4 structure invariants";

export interface StructureInput {
  entries: HexEntry[];
  /** Put then deleted after the entries (subjects with delete only). */
  deleted: string[];
}

const nibbleText = (nibbles: readonly number[]): string => nibbles.map((n) => n.toString(16)).join("");

/**
 * App. D's canonical shape: no Extension with an empty path, no Extension below an Extension,
 * every Branch with at least two occupied slots (children + value), and the nibbles spelled from
 * the root to every leaf or branch value form a key that was put (depth bookkeeping).
 */
export function shapeViolation(shape: TrieShape | null, keys: ReadonlySet<string>): string | null {
  if (shape === null) return null;
  const walk = (node: TrieShape, spelled: number[]): string | null => {
    switch (node.kind) {
      case "leaf": {
        const path = [...spelled, ...node.path];
        return keys.has(nibbleText(path)) ? null : `a root→leaf path spells ${path.length} nibbles (${nibbleText(path) || "none"}), which is no key that was put`;
      }
      case "extension":
        if (node.path.length === 0) return "an Extension has an empty path";
        if (node.child.kind === "extension") return "an Extension's child is an Extension";
        return walk(node.child, [...spelled, ...node.path]);
      case "branch": {
        const occupied = node.children.filter((child) => child !== null).length + (node.hasValue ? 1 : 0);
        if (occupied < 2) return `a Branch ${spelled.length === 0 ? "at the root" : `at nibble depth ${spelled.length}`} has ${occupied} occupied slot(s); it needs at least 2`;
        if (node.hasValue && !keys.has(nibbleText(spelled))) return `a Branch value sits at path ${nibbleText(spelled)}, which is no key that was put`;
        for (let i = 0; i < 16; i++) {
          const child = node.children[i];
          if (child === null) continue;
          const violation = walk(child, [...spelled, i]);
          if (violation !== null) return violation;
        }
        return null;
      }
    }
  };
  return walk(shape, []);
}

export function replayStructure(subject: TrieSubject, input: StructureInput): string | null {
  const trie = subject.create();
  for (const [key, value] of input.entries) trie.put(fromHex(key), fromHex(value));
  const present = new Set(input.entries.map(([key]) => key));
  const deleted = subject.supportsDelete ? input.deleted.filter((key) => !present.has(key)) : [];
  for (const key of deleted) trie.put(fromHex(key), Uint8Array.of(2));
  for (const key of deleted) trie.delete(fromHex(key));
  const keys = new Set(input.entries.map(([key]) => nibbleText(Array.from(bytesToNibbles(fromHex(key))))));
  return shapeViolation(trie.shape(), keys);
}

/** T4: after any puts (and deletes), the node tree has App. D's canonical shape. */
export function checkStructure(subject: TrieSubject, parameters: RunParameters): PropertyOutcome<StructureInput> {
  const input = fc.record({ entries: trieEntries.map(entriesToHex), deleted: fc.array(trieKey.map(toHex), { maxLength: 6 }) });
  return settle(
    T4_STRUCTURE,
    subject.name,
    fc.check(fc.property(input, (value) => replayStructure(subject, value) === null), parameters),
    parameters,
    ([value]) => value,
    (value) => replayStructure(subject, value),
  );
}
