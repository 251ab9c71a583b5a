import type { MerkleScheme } from "../../impl/merkle/index.ts";
import { describeThrow, type MerkleProperty } from "./property.ts";
import { sampleLeaves } from "./sample-leaves.ts";

/** Two leaf lists written over the alphabet of `alphabetFor`, e.g. ["N(a,b)"] and ["a", "b"]. */
export interface ListPair {
  first: string[];
  second: string[];
}

export const MAX_LIST_LENGTH = 8;

/**
 * The base set S = {a, b} (two sample leaves) and the internal hashes of the scheme's own
 * trees over S: N(a,b) and N(b,a) are the roots of the trees over [a, b] and [b, a]. Lists
 * over this alphabet are where a tree without domain separation collides (catalogue M3).
 */
export function alphabetFor(scheme: MerkleScheme): Map<string, Uint8Array> {
  const [a, b] = sampleLeaves(2);
  const node = (left: Uint8Array, right: Uint8Array): Uint8Array => {
    const [only] = scheme.build([left, right]).internalNodes();
    if (only === undefined) throw new Error(`${scheme.name} built no internal node over two leaves`);
    return only;
  };
  return new Map([
    ["a", a],
    ["b", b],
    ["N(a,b)", node(a, b)],
    ["N(b,a)", node(b, a)],
  ]);
}

function rootOf(scheme: MerkleScheme, alphabet: Map<string, Uint8Array>, list: readonly string[]): string {
  const leaves = list.map((label) => {
    const value = alphabet.get(label);
    if (value === undefined) throw new Error(`unknown leaf label "${label}"; expected one of ${[...alphabet.keys()].join(", ")}`);
    return value;
  });
  return Buffer.from(scheme.build(leaves).root()).toString("hex");
}

/** Every list of length 1..maxLength over `labels`, shortest first, then in label order. */
export function* listsUpTo(labels: readonly string[], maxLength: number): Generator<string[]> {
  for (let length = 1; length <= maxLength; length++) {
    const digits = new Array<number>(length).fill(0);
    for (;;) {
      yield digits.map((d) => labels[d]);
      let position = length - 1;
      while (position >= 0 && digits[position] === labels.length - 1) digits[position--] = 0;
      if (position < 0) break;
      digits[position]++;
    }
  }
}

/**
 * M3 no second preimage, second half: different leaf lists, of equal or different lengths,
 * give different roots. Exhaustive over every list of length ≤ 8 from the alphabet; the first
 * collision in enumeration order (shortest lists first) is the minimal counterexample.
 */
export const distinctRoots: MerkleProperty<ListPair> = {
  name: "M3b distinct lists have distinct roots",
  scope: "every list of length 1..8 over {a, b, N(a,b), N(b,a)} (87 380 lists)",
  meaning: "two different leaf lists share a root, so one commitment opens to either",
  check(scheme, { first, second }) {
    return describeThrow(() => {
      if (first.length === second.length && first.every((label, i) => label === second[i])) return undefined;
      const alphabet = alphabetFor(scheme);
      return rootOf(scheme, alphabet, first) === rootOf(scheme, alphabet, second) ? `[${first.join(", ")}] and [${second.join(", ")}] have the same root` : undefined;
    });
  },
  search(scheme) {
    const alphabet = alphabetFor(scheme);
    const seen = new Map<string, string[]>();
    for (const list of listsUpTo([...alphabet.keys()], MAX_LIST_LENGTH)) {
      const root = rootOf(scheme, alphabet, list);
      const earlier = seen.get(root);
      if (earlier) return { first: earlier, second: list };
      seen.set(root, list);
    }
    return undefined;
  },
};
