import fc from "fast-check";
import { createMPT } from "@ethereumjs/mpt";
import { MerklePatriciaTrie } from "../../impl/mpt/index.ts";
import { hashedKey, shortKeyOfLength, trieValue } from "./trie-arbitraries.ts";
import { fromHex, toHex } from "./hex-entries.ts";
import type { PropertyOutcome, RunParameters } from "./property-outcome.ts";

export const T2_ORACLE_ROOT = "T2 oracle root";

/** A put (value) or delete (value null) in JSON form. */
export type RootOp = [key: string, value: string | null];

/**
 * Keys of one run all have the same length (1, 2, 3 or 32 bytes), so none is a proper prefix of
 * another: @ethereumjs/mpt 10.1.3 loses a branch's value when a delete collapses that branch
 * (put 11, 1122, 1133; del 1133; get 11 → null) and empties the whole trie when the empty key is
 * deleted, and an oracle is only useful where it is right. Our behaviour there is pinned by
 * test/impl/mpt/trie.test.ts instead.
 */
const rootOps: fc.Arbitrary<RootOp[]> = fc
  .constantFrom(1, 2, 3, 32)
  .chain((length) => {
    const key = length === 32 ? hashedKey : shortKeyOfLength(length);
    return fc.array(fc.tuple(key, fc.option(trieValue, { freq: 3 })), { maxLength: 30 });
  })
  .map((ops) => ops.map(([key, value]): RootOp => [toHex(key), value === null ? null : toHex(value)]));

/** Replays the ops on both tries; the first step whose roots differ, or null. */
export async function replayOracleRoot(ops: readonly RootOp[], secure = false): Promise<string | null> {
  const ours = new MerklePatriciaTrie({ secure });
  const theirs = await createMPT({ useKeyHashing: secure });
  for (let i = 0; i < ops.length; i++) {
    const [key, value] = ops[i];
    if (value === null) {
      ours.delete(fromHex(key));
      await theirs.del(fromHex(key));
    } else {
      ours.put(fromHex(key), fromHex(value));
      await theirs.put(fromHex(key), fromHex(value));
    }
    const a = toHex(ours.root());
    const b = toHex(theirs.root());
    if (a !== b) return `after operation ${i} the root is ${a}, @ethereumjs/mpt's is ${b}`;
  }
  return null;
}

/** T2 (reference only): after each put or delete, our root equals @ethereumjs/mpt's. */
export async function checkOracleRoot(parameters: RunParameters & { secure?: boolean }): Promise<PropertyOutcome<RootOp[]>> {
  const { seed, numRuns } = parameters;
  const secure = parameters.secure ?? false;
  const details = await fc.check(
    fc.asyncProperty(rootOps, async (ops) => (await replayOracleRoot(ops, secure)) === null),
    { seed, numRuns },
  );
  const subject = secure ? "impl/mpt (secure)" : "impl/mpt";
  if (!details.failed) return { property: T2_ORACLE_ROOT, subject, holds: true, seed, numRuns };
  const counterexample = (details.counterexample as [RootOp[]])[0];
  return { property: T2_ORACLE_ROOT, subject, holds: false, counterexample, failure: (await replayOracleRoot(counterexample, secure)) ?? "replay passed", seed, numRuns };
}
