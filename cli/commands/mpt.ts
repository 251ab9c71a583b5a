import { z } from "zod";
import { MerklePatriciaTrie, verifyProof } from "../../impl/mpt/index.ts";
import { addCaseCommand, boundedHexBytes, hexBytes, hexHash32, toHex } from "../case-file.ts";
import type { CommandRegistration } from "./index.ts";

/**
 * `mpt root|prove|verify-proof FILE`: audit Merkle-Patricia roots and eth_getProof proofs from a
 * user's own system. FILE (or `-`) holds one case or an array of cases; byte strings are 0x-hex.
 * `prove --json` prints cases that `verify-proof` reads as they are (arrays too).
 * Exit codes: `root` and `prove` compute, `verify-proof` verifies (case-file.ts).
 */

/**
 * Bounds of a case file, so that a run is linear in its input and stays small.
 * `keyBytes`: a trie is as deep as its keys are long (one branch per nibble at most), and
 * hashing and encoding recurse once per level: keys of 3,000 bytes sharing prefixes overflow
 * the stack. Ethereum's keys are 32-byte hashes (secure tries) or RLP indices of at most 9
 * bytes; 256 bytes leaves room for any other scheme. `proofNodes`: a path through a trie has at
 * most one node per key nibble and one more for its end: 2 × 256 + 1. `ops`: a trie update
 * costs about 20 µs and 2 KiB of memory, parsing included (2^18 updates of 32-byte keys and
 * values, a 35 MiB input: 5 s and 0.55 GiB), so the updates of all cases of one input are at
 * most 2^18 = 262,144.
 */
export const MPT_LIMITS = { keyBytes: 256, proofNodes: 2 * 256 + 1, ops: 2 ** 18 } as const;

const key = boundedHexBytes(MPT_LIMITS.keyBytes, "a key");
const op = z.tuple([key, hexBytes.nullable()], { message: 'an op is ["0x<key>", "0x<value>" | null] (null deletes)' });
const ops = z
  .array(op, { message: "ops must be an array of [key, value | null] pairs" })
  .max(MPT_LIMITS.ops, `at most ${MPT_LIMITS.ops} ops (2^18) per input; split them over several inputs`);

const secure = z.boolean().optional().describe("Hash each key with keccak-256 first (Ethereum's state and storage tries); false when absent.");
const updates = ops.describe("Updates applied in order: [key, value] puts, [key, null] deletes (so does an empty value).");

export const rootCase = z.strictObject({ secure, ops: updates });
export const proveCase = z.strictObject({ secure, ops: updates, key: key.describe("The key to prove present or absent, 0x-hex.") });

/**
 * A proof to check, as `prove --json` prints it. `value`, when given, is what the proof must
 * show: the key's value, or null for "the key is absent".
 */
export const verifyCase = z.strictObject({
  root: hexHash32.describe("The trie's root."),
  key: key.describe("The key, 0x-hex."),
  proof: z
    .array(hexBytes, { message: "proof must be an array of 0x-hex RLP nodes" })
    .max(MPT_LIMITS.proofNodes, `a proof has at most ${MPT_LIMITS.proofNodes} nodes (one per nibble of a key of at most ${MPT_LIMITS.keyBytes} bytes, and its end)`)
    .describe("The RLP nodes on the key's path, root first (eth_getProof's accountProof or storageProof)."),
  value: hexBytes
    .refine((bytes) => bytes.length > 0, 'a trie holds no empty value (an empty value deletes the key): use null for "expected absent"')
    .nullable()
    .optional()
    .describe('What the proof must show: the key\'s value, or null for "the key is absent"; leave it out to only check the proof.'),
  secure,
});

type Ops = z.infer<typeof ops>;

function buildTrie(secure: boolean | undefined, operations: Ops): MerklePatriciaTrie {
  const trie = new MerklePatriciaTrie({ secure: secure ?? false });
  for (const [k, value] of operations) {
    if (value === null) trie.delete(k);
    else trie.put(k, value);
  }
  return trie;
}

export interface RootResult {
  root: string;
}
/** A proof as `verify-proof` reads it back: `secure` only when the case set it. */
export interface ProveResult {
  root: string;
  key: string;
  proof: string[];
  value: string | null;
  secure?: boolean;
}
export interface VerifyResult {
  valid: boolean;
  value: string | null;
  error?: string;
}

export function mptRootCase(input: z.infer<typeof rootCase>): RootResult {
  return { root: toHex(buildTrie(input.secure, input.ops).root()) };
}

export function mptProveCase(input: z.infer<typeof proveCase>): ProveResult {
  const trie = buildTrie(input.secure, input.ops);
  const { proof, value } = trie.createProof(input.key);
  const result: ProveResult = { root: toHex(trie.root()), key: toHex(input.key), proof: proof.map(toHex), value: value === null ? null : toHex(value) };
  if (input.secure !== undefined) result.secure = input.secure;
  return result;
}

export function mptVerifyCase(input: z.infer<typeof verifyCase>): VerifyResult {
  const verdict = verifyProof(input.root, input.key, input.proof, { secure: input.secure ?? false });
  if (!verdict.valid) return { valid: false, value: null, error: verdict.error };
  const proven = verdict.value === null ? null : toHex(verdict.value);
  if (input.value !== undefined) {
    const expected = input.value === null ? null : toHex(input.value);
    if (expected !== proven) {
      const shows = proven === null ? "the key absent" : `value ${proven}`;
      return { valid: false, value: null, error: `the proof shows ${shows}, but the case expects ${expected === null ? "the key absent" : `value ${expected}`}` };
    }
  }
  return { valid: true, value: proven };
}

export const registerMptCommands: CommandRegistration = (program, setExitCode) => {
  const mpt = program.command("mpt").description("Ethereum Merkle-Patricia trie: roots and eth_getProof proofs from JSON cases");
  const opsBudget = { cost: (input: { ops: Ops }) => input.ops.length, max: MPT_LIMITS.ops, unit: "ops", why: "2^18: each update costs about 20 µs and 2 KiB" };
  addCaseCommand(mpt, setExitCode, {
    name: "root",
    description: 'root of {"secure"?, "ops": [[key, value|null], …]}',
    schema: rootCase,
    run: mptRootCase,
    describe: (r) => `root ${r.root}`,
    budget: opsBudget,
  });
  addCaseCommand(mpt, setExitCode, {
    name: "prove",
    description: 'proof of {"secure"?, "ops", "key"} (presence or absence); --json prints {"root", "key", "proof", "value", "secure"?}, which verify-proof reads as it is',
    schema: proveCase,
    run: mptProveCase,
    describe: (r) => `root ${r.root}, ${r.proof.length} proof node(s), value ${r.value ?? "absent"}`,
    budget: opsBudget,
  });
  addCaseCommand(mpt, setExitCode, {
    name: "verify-proof",
    description: 'check {"root", "key", "proof", "value"?, "secure"?}; "value" (null: absent), when given, must be what the proof shows',
    schema: verifyCase,
    run: mptVerifyCase,
    describe: (r) => (r.valid ? `valid, ${r.value === null ? "key absent" : `value ${r.value}`}` : `invalid: ${r.error}`),
    isValid: (r) => r.valid,
  });
};
