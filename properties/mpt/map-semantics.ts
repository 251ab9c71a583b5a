import fc from "fast-check";
import { hashedKey, trieKey, trieValue } from "./trie-arbitraries.ts";
import { fromHex, toHex } from "./hex-entries.ts";
import { settle } from "./property-outcome.ts";
import type { PropertyOutcome, RunParameters } from "./property-outcome.ts";
import type { TrieInstance, TrieSubject } from "./trie-subject.ts";

export const T1_MAP_SEMANTICS = "T1 map semantics";
/** T1 restricted to 32-byte keys (the secure trie's hashed keys): no key is a prefix of another. */
export const T1_MAP_SEMANTICS_HASHED_KEYS = "T1 map semantics, 32-byte keys only";

/** One operation of a T1 run, in the JSON form findings carry. */
export type MapOp = { put: string; value: string } | { get: string } | { delete: string } | { getAll: true };

type Model = Map<string, string>;

/** Applies `op` to the trie and to the model Map; a get that disagrees is the failure. */
function applyMapOp(model: Model, trie: TrieInstance, op: MapOp): string | null {
  if ("put" in op) {
    trie.put(fromHex(op.put), fromHex(op.value));
    model.set(op.put, op.value);
    return null;
  }
  if ("delete" in op) {
    trie.delete(fromHex(op.delete));
    model.delete(op.delete);
    return null;
  }
  if ("getAll" in op) {
    for (const key of model.keys()) {
      const failure = checkGet(model, trie, key);
      if (failure !== null) return failure;
    }
    return null;
  }
  return checkGet(model, trie, op.get);
}

function checkGet(model: Model, trie: TrieInstance, key: string): string | null {
  const got = trie.get(fromHex(key));
  const actual = got === null ? null : toHex(got);
  const expected = model.get(key) ?? null;
  if (actual === expected) return null;
  return expected === null
    ? `get(${key}) returned ${actual} for a key never put (or deleted)`
    : `get(${key}) returned ${actual}, but the last value put under that key was ${expected}`;
}

/** Replays a T1 operation list; null when every get agrees with the Map. */
export function replayMapSemantics(subject: TrieSubject, ops: readonly MapOp[]): string | null {
  const model: Model = new Map();
  const trie = subject.create();
  for (let i = 0; i < ops.length; i++) {
    const failure = applyMapOp(model, trie, ops[i]);
    if (failure !== null) return `after ${i} operation(s), ${failure}`;
  }
  return null;
}

class MapOpCommand implements fc.Command<Model, TrieInstance> {
  constructor(readonly op: MapOp) {}
  check(): boolean {
    return true;
  }
  run(model: Model, trie: TrieInstance): void {
    const failure = applyMapOp(model, trie, this.op);
    if (failure !== null) throw new Error(failure);
  }
  toString(): string {
    return JSON.stringify(this.op);
  }
}

/**
 * T1 (seed-catalogue A40–A42): for any sequence of put(k, v), get(k) and, where the subject has
 * it, delete(k), get returns the last value put under k and null for keys never put. Model-based
 * with fast-check commands against a Map.
 */
export function checkMapSemantics(subject: TrieSubject, parameters: RunParameters, keys: "any" | "hashed" = "any"): PropertyOutcome<MapOp[]> {
  const key = keys === "any" ? trieKey : hashedKey;
  const commands: fc.Arbitrary<fc.Command<Model, TrieInstance>>[] = [
    fc.record({ key, value: trieValue }).map(({ key, value }) => new MapOpCommand({ put: toHex(key), value: toHex(value) })),
    key.map((k) => new MapOpCommand({ get: toHex(k) })),
    // Reads back every key put so far: a get of a stored key is otherwise a rare draw.
    fc.constant(new MapOpCommand({ getAll: true })),
  ];
  if (subject.supportsDelete) commands.push(key.map((k) => new MapOpCommand({ delete: toHex(k) })));
  const property = fc.property(fc.commands(commands, { maxCommands: 40 }), (cmds) => {
    fc.modelRun(() => ({ model: new Map(), real: subject.create() }), cmds);
  });
  return settle(
    keys === "any" ? T1_MAP_SEMANTICS : T1_MAP_SEMANTICS_HASHED_KEYS,
    subject.name,
    fc.check(property, parameters),
    parameters,
    // fast-check wraps each command; its toString is the command's own, the op as JSON.
    ([cmds]) => [...cmds].map((command) => JSON.parse(command.toString()) as MapOp),
    (ops) => replayMapSemantics(subject, ops),
  );
}
