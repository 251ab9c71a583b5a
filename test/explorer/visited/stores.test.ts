import fc from "fast-check";
import { describe, expect, it } from "vitest";
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

describe("exact store", () => {
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
