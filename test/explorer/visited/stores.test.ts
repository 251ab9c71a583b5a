import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SectionReader } from "../../../explorer/checkpoint/index.ts";
import { ExactStateStore, FingerprintStore, omissionProbability, type VisitedSet } from "../../../explorer/visited/index.ts";

const toKey = (bytes: Uint8Array): string => Buffer.from(bytes).toString("hex");

/** Inserting `keys` in order gives dense ids to first occurrences and the same id to repeats. */
function expectSetSemantics(store: VisitedSet, keys: Uint8Array[]): void {
  const reference = new Map<string, number>();
  for (const key of keys) {
    const id = store.insert(key, key.length);
    const known = reference.get(toKey(key));
    if (known === undefined) {
      expect(id).toBe(reference.size);
      reference.set(toKey(key), id);
    } else {
      expect(id).toBe(-1 - known);
    }
  }
  expect(store.size).toBe(reference.size);
}

const keyLists = fc.array(fc.uint8Array({ minLength: 0, maxLength: 12 }), { maxLength: 300 });

describe.each([
  ["exact store", () => new ExactStateStore()],
  ["fingerprint store", () => new FingerprintStore()],
])("%s", (_name, makeStore) => {
  it("behaves as a set of byte strings handing out dense ids", () => {
    fc.assert(fc.property(keyLists, (keys) => expectSetSemantics(makeStore(), [...keys, ...keys])), { numRuns: 60 });
  });

  it("keeps every key through many table growths", () => {
    const store = makeStore();
    const keys = Array.from({ length: 200_000 }, (_, i) => new Uint8Array(new Uint32Array([i * 2654435761]).buffer));
    for (const key of keys) store.insert(key, 4);
    for (const key of keys.slice(0, 1000)) expect(store.insert(key, 4)).toBeLessThan(0);
    expect(store.size).toBe(200_000);
    expect(store.bytesPerState()).toBeGreaterThan(0);
  });

  it("hashes only the first `length` bytes of a scratch buffer", () => {
    const store = makeStore();
    const scratch = new Uint8Array([1, 2, 3, 4, 5, 6]);
    expect(store.insert(scratch, 3)).toBe(0);
    expect(store.insert(new Uint8Array([1, 2, 3]), 3)).toBe(-1);
    expect(store.insert(scratch, 4)).toBe(1);
  });
});

/** A store serialised and rebuilt the way a checkpoint does it. */
function roundTrip<T extends VisitedSet>(store: T, deserialize: (meta: unknown, sections: SectionReader) => T): T {
  const { meta, sections } = store.serialize();
  return deserialize(JSON.parse(JSON.stringify(meta)), new SectionReader(new Map(Object.entries(sections))));
}

describe.each([
  ["exact store", () => new ExactStateStore(), ExactStateStore.deserialize],
  ["fingerprint store", () => new FingerprintStore(), FingerprintStore.deserialize],
] as const)("%s serialised for a checkpoint", (_name, makeStore, deserialize) => {
  it("comes back as the same set: the same ids for stored keys, the next ids for new keys, the same memory", () => {
    fc.assert(
      fc.property(keyLists, keyLists, (before, after) => {
        const original: VisitedSet = makeStore();
        for (const key of before) original.insert(key, key.length);
        const restored: VisitedSet = roundTrip(original, deserialize as (meta: unknown, sections: SectionReader) => VisitedSet);
        expect(restored.size).toBe(original.size);
        expect(restored.bytesPerState()).toBe(original.bytesPerState());
        for (const key of [...before, ...after]) expect(restored.insert(key, key.length)).toBe(original.insert(key, key.length));
      }),
      { numRuns: 40 },
    );
  });
});

describe("exact store", () => {
  it("keeps keys of several widths (the offsets array) through a checkpoint", () => {
    const store = new ExactStateStore();
    const keys = [new Uint8Array([1, 2]), new Uint8Array([3]), new Uint8Array([4, 5, 6])];
    for (const key of keys) store.insert(key, key.length);
    const restored = roundTrip(store, ExactStateStore.deserialize);
    expect(keys.map((_, id) => [...restored.keyOf(id)])).toEqual([[1, 2], [3], [4, 5, 6]]);
  });

  it("refuses a serialised store whose parts disagree", () => {
    const store = new ExactStateStore();
    store.insert(new Uint8Array([1, 2]), 2);
    const { meta, sections } = store.serialize();
    const read = (changes: Record<string, unknown>) => () => ExactStateStore.deserialize({ ...meta, ...changes }, new SectionReader(new Map(Object.entries(sections))));
    expect(read({ size: 2 })).toThrow("checkpoint: truncated or corrupt (slot table holds 1 ids, not 2)");
    expect(read({ width: 3 })).toThrow("checkpoint: truncated or corrupt (visited: 1 keys of 3 bytes are not 2 bytes)");
    expect(read({ kind: "fingerprint" })).toThrow(/^checkpoint: truncated or corrupt \(visited kind: /);
    expect(() => ExactStateStore.deserialize(meta, new SectionReader(new Map()))).toThrow("checkpoint: truncated or corrupt (section arena is missing)");
  });

  it("tells apart keys that are prefixes of each other and returns stored keys by id", () => {
    const store = new ExactStateStore();
    const keys = [new Uint8Array([]), new Uint8Array([7]), new Uint8Array([7, 0]), new Uint8Array([7, 0, 0])];
    expect(keys.map((key) => store.insert(key, key.length))).toEqual([0, 1, 2, 3]);
    expect(keys.map((_, id) => [...store.keyOf(id)])).toEqual([[], [7], [7, 0], [7, 0, 0]]);
    expect(() => store.keyOf(4)).toThrow(RangeError);
  });
});

describe("omission probability", () => {
  it("is the birthday bound n(n-1)/2⁶⁵", () => {
    expect(omissionProbability(1)).toBe(0);
    expect(omissionProbability(2 ** 20)).toBeCloseTo((2 ** 20 * (2 ** 20 - 1)) / 2 ** 65, 20);
    expect(omissionProbability(2 ** 40)).toBe(1);
  });
});
