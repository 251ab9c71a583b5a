import fc from "fast-check";
import type { MerkleScheme } from "../../impl/merkle/index.ts";

/**
 * A Merkle property (seed catalogue A34–A38, M1–M6) as data: `check` judges one concrete,
 * JSON-serialisable input (so a finding's counterexample can be replayed), `search` looks for
 * the smallest failing input it can find — exhaustively over small trees first, in increasing
 * order, then by fast-check sampling with shrinking — under a fixed, printed seed.
 */
export interface MerkleProperty<I> {
  /** "M1 completeness". */
  readonly name: string;
  /** What a violation means to a user of the tree, in one sentence. */
  readonly meaning: string;
  /** What `search` covers, for the audit report. */
  readonly scope: string;
  check(scheme: MerkleScheme, input: I): string | undefined;
  search(scheme: MerkleScheme, budget: SearchBudget): I | undefined;
}

export interface SearchBudget {
  /** fast-check seed of the sampled part (reported with every counterexample). */
  seed: number;
  /** fast-check runs of the sampled part. */
  numRuns: number;
}

export const DEFAULT_BUDGET: SearchBudget = { seed: 20260523, numRuns: 10 };

/** The first input (in the given order) that `check` rejects. */
export function firstFailing<I>(inputs: Iterable<I>, failing: (input: I) => boolean): I | undefined {
  for (const input of inputs) if (failing(input)) return input;
  return undefined;
}

/** fast-check's shrunk counterexample of `failing` over `arbitrary`, or undefined if none was found. */
export function sampledFailing<I>(arbitrary: fc.Arbitrary<I>, failing: (input: I) => boolean, budget: SearchBudget): I | undefined {
  const details = fc.check(fc.property(arbitrary, (input) => !failing(input)), { seed: budget.seed, numRuns: budget.numRuns });
  return details.failed && details.counterexample !== null ? details.counterexample[0] : undefined;
}

export function* range(from: number, toInclusive: number): Generator<number> {
  for (let n = from; n <= toInclusive; n++) yield n;
}

/** ⌈log₂ n⌉: the depth of a tree of n ≥ 1 leaves, and Theorem 5.1's bound on proof size. */
export function ceilLog2(n: number): number {
  let depth = 0;
  while (2 ** depth < n) depth++;
  return depth;
}

/** Runs `attempt`, turning anything it throws into a description (a crash is a finding too). */
export function describeThrow(attempt: () => string | undefined): string | undefined {
  try {
    return attempt();
  } catch (error) {
    return `crashed: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`;
  }
}

/**
 * The search of the per-tree properties (M1, M4): every size in [1, exhaustiveMax] in order,
 * then fast-check-sampled sizes up to sampledMax, shrunk to the smallest failing size.
 */
export function searchTreeSizes<I>(findInTree: (treeSize: number) => I | undefined, budget: SearchBudget, exhaustiveMax = 64, sampledMax = 4096): I | undefined {
  for (const n of range(1, exhaustiveMax)) {
    const found = findInTree(n);
    if (found !== undefined) return found;
  }
  const n = sampledFailing(fc.integer({ min: exhaustiveMax + 1, max: sampledMax }), (size) => findInTree(size) !== undefined, budget);
  return n === undefined ? undefined : findInTree(n);
}
