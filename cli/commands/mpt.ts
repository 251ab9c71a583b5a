import { z } from "zod";
import { MerklePatriciaTrie, verifyProof } from "../../impl/mpt/index.ts";
import { addCaseCommand, hexBytes, hexHash32, toHex } from "../case-file.ts";
import type { CommandRegistration } from "./index.ts";

/**
 * `mpt root|prove|verify-proof FILE`: audit Merkle-Patricia roots and eth_getProof proofs from a
 * user's own system. FILE (or `-`) holds one case or an array of cases; byte strings are 0x-hex.
 * Exit 0 once every case is processed, whatever the verdicts; 2 on malformed input.
 */

const op = z.tuple([hexBytes, hexBytes.nullable()], { message: 'an op is ["0x<key>", "0x<value>" | null] (null deletes)' });
const ops = z.array(op, { message: "ops must be an array of [key, value | null] pairs" });

const rootCase = z.strictObject({ secure: z.boolean().optional(), ops });
const proveCase = z.strictObject({ secure: z.boolean().optional(), ops, key: hexBytes });
const verifyCase = z.strictObject({ root: hexHash32, key: hexBytes, proof: z.array(hexBytes, { message: "proof must be an array of 0x-hex RLP nodes" }), secure: z.boolean().optional() });

type Ops = z.infer<typeof ops>;

function buildTrie(secure: boolean | undefined, operations: Ops): MerklePatriciaTrie {
  const trie = new MerklePatriciaTrie({ secure: secure ?? false });
  for (const [key, value] of operations) {
    if (value === null) trie.delete(key);
    else trie.put(key, value);
  }
  return trie;
}

export interface RootResult {
  root: string;
}
export interface ProveResult {
  root: string;
  proof: string[];
  value: string | null;
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
  return { root: toHex(trie.root()), proof: proof.map(toHex), value: value === null ? null : toHex(value) };
}

export function mptVerifyCase(input: z.infer<typeof verifyCase>): VerifyResult {
  const verdict = verifyProof(input.root, input.key, input.proof, { secure: input.secure ?? false });
  if (!verdict.valid) return { valid: false, value: null, error: verdict.error };
  return { valid: true, value: verdict.value === null ? null : toHex(verdict.value) };
}

export const registerMptCommands: CommandRegistration = (program) => {
  const mpt = program.command("mpt").description("Ethereum Merkle-Patricia trie: roots and eth_getProof proofs from JSON cases");
  addCaseCommand(mpt, "root", 'root of {"secure"?, "ops": [[key, value|null], …]}', rootCase, mptRootCase, (r) => `root ${r.root}`);
  addCaseCommand(
    mpt,
    "prove",
    'proof of {"secure"?, "ops", "key"} (presence or absence)',
    proveCase,
    mptProveCase,
    (r) => `root ${r.root}, ${r.proof.length} proof node(s), value ${r.value ?? "absent"}`,
  );
  addCaseCommand(
    mpt,
    "verify-proof",
    'check {"root", "key", "proof", "secure"?}',
    verifyCase,
    mptVerifyCase,
    (r) => (r.valid ? `valid, ${r.value === null ? "key absent" : `value ${r.value}`}` : `invalid: ${r.error}`),
  );
};
