import { z } from "zod";
import { bitcoinMerkleRoot, buildMerkleTree, hashLeaf, treeRoot, verifyConsistency, verifyInclusion, type Verdict } from "../../impl/merkle/index.ts";
import { addCaseCommand, hexBytes, hexHash32, toHex } from "../case-file.ts";
import type { CommandRegistration } from "./index.ts";

/**
 * `merkle root|verify-inclusion|verify-consistency FILE`: audit the Merkle roots and proofs of
 * a user's own log (RFC 9162 §2.1) or block (Bitcoin). FILE (or `-`) holds one case or an
 * array of cases. Exit codes: `root` computes, `verify-*` verify (case-file.ts).
 */

/**
 * Bounds of a case file, so that a run is linear in its input and stays small.
 * `leaves`: a root keeps every leaf and builds the whole tree (about 550 bytes and 3.5 µs a
 * leaf, parsing included), so the leaves of all cases of one input are at most 2^20: about
 * what the 64 MiB input limit holds of 32-byte leaves (972,000 at 69 bytes each as JSON), in
 * 0.55 GiB and a few seconds. `proofHashes`: a tree of at most 2^53 − 1 leaves is 53 levels
 * high, so an inclusion proof has at most 53 hashes and a consistency proof at most 54; a
 * longer proof cannot be valid, and the verifiers walk at most one step per hash given.
 */
export const MERKLE_LIMITS = { leaves: 2 ** 20, proofHashes: 64 } as const;

// Sizes and indices are plain numbers, exact up to 2^53 − 1 (zod's int() refuses the rest).
const WHOLE = "expected a whole number from 0 to 2^53 − 1 (9007199254740991)";
const treeSize = z
  .number({ error: (issue) => (issue.input === undefined ? `missing: ${WHOLE}` : WHOLE) })
  .int({ message: WHOLE })
  .nonnegative({ message: "expected a whole number ≥ 0, not a negative one" })
  .max(Number.MAX_SAFE_INTEGER, { message: WHOLE });

const proof = z
  .array(hexHash32, { message: "expected an array of 32-byte hashes (0x + 64 hex digits)" })
  .max(MERKLE_LIMITS.proofHashes, `a proof has at most ${MERKLE_LIMITS.proofHashes} hashes (a tree of up to 2^53 − 1 leaves needs at most 54)`);

export const rootCase = z
  .strictObject({
    leaves: z
      .array(hexBytes, { message: 'expected an array of 0x-hex leaves, e.g. ["0x00", "0x0102"]' })
      .max(MERKLE_LIMITS.leaves, `at most ${MERKLE_LIMITS.leaves} leaves (2^20) per input; split bigger trees' leaves over several inputs`)
      .describe("The leaves' data, 0x-hex (RFC 6962 hashes each as SHA-256(0x00 || leaf)); bitcoin: 32-byte txids in internal byte order."),
    hash: z
      .enum(["rfc6962", "bitcoin"], { message: 'expected "rfc6962" (the default) or "bitcoin"' })
      .default("rfc6962")
      .describe("The tree: RFC 6962 (Certificate Transparency) or Bitcoin's; a bitcoin root is printed in internal byte order, like its leaves."),
  })
  .superRefine((value, ctx) => {
    if (value.hash !== "bitcoin") return;
    // Bitcoin leaves are txids: the tree never hashes them again, so they must be 32 bytes.
    const bad = value.leaves.findIndex((leaf) => leaf.length !== 32);
    if (bad >= 0) ctx.addIssue({ code: "custom", path: ["leaves", bad], message: "bitcoin leaves are txids: expected 32 bytes (0x + 64 hex digits)" });
  });

export const inclusionCase = z
  .strictObject({
    leafIndex: treeSize.describe("The leaf's index, from 0."),
    treeSize: treeSize.describe("Leaves in the tree."),
    leafHash: hexHash32.optional().describe("The leaf's RFC 6962 hash; give it or `leaf`, not both."),
    leaf: hexBytes.optional().describe("The leaf's data, 0x-hex; give it or `leafHash`, not both."),
    proof: proof.describe("The sibling hashes from the leaf up."),
    root: hexHash32.describe("The tree's root."),
  })
  .superRefine((value, ctx) => {
    if ((value.leafHash === undefined) === (value.leaf === undefined)) {
      ctx.addIssue({ code: "custom", path: ["leafHash"], message: 'give exactly one of "leafHash" (32-byte RFC 6962 leaf hash) or "leaf" (the leaf data)' });
    }
  });

export const consistencyCase = z.strictObject({
  size1: treeSize.describe("The old tree's size."),
  size2: treeSize.describe("The new tree's size."),
  root1: hexHash32.describe("The old tree's root."),
  root2: hexHash32.describe("The new tree's root."),
  proof: proof.describe("The consistency proof's hashes (RFC 9162 §2.1.4)."),
});

export type RootCase = z.infer<typeof rootCase>;
export type InclusionCase = z.infer<typeof inclusionCase>;
export type ConsistencyCase = z.infer<typeof consistencyCase>;

export function merkleRootOf(input: RootCase): { root: string } {
  const root = input.hash === "bitcoin" ? bitcoinMerkleRoot(input.leaves) : treeRoot(buildMerkleTree(input.leaves));
  return { root: toHex(root) };
}

export function checkInclusion(input: InclusionCase): Verdict {
  const leafHash = input.leafHash ?? hashLeaf(input.leaf as Uint8Array);
  return verifyInclusion(input.leafIndex, input.treeSize, leafHash, input.proof, input.root);
}

export function checkConsistency(input: ConsistencyCase): Verdict {
  return verifyConsistency(input.size1, input.size2, input.root1, input.root2, input.proof);
}

const describeVerdict = (verdict: Verdict): string => (verdict.valid ? "valid" : `invalid: ${verdict.error}`);

export const registerMerkle: CommandRegistration = (program, setExitCode) => {
  const merkle = program.command("merkle").description("Merkle tree roots and proofs (RFC 9162 §2.1; Bitcoin for roots)");
  addCaseCommand(merkle, setExitCode, {
    name: "root",
    description: 'root of {"leaves": ["0x.."], "hash"?: "rfc6962" | "bitcoin"} (bitcoin: leaves are 32-byte txids in internal byte order, the root likewise)',
    schema: rootCase,
    run: merkleRootOf,
    describe: (r) => `root ${r.root}`,
    budget: { cost: (input) => input.leaves.length, max: MERKLE_LIMITS.leaves, unit: "leaves", why: "2^20, about what 64 MiB holds of 32-byte leaves" },
  });
  addCaseCommand(merkle, setExitCode, {
    name: "verify-inclusion",
    description: 'RFC 9162 inclusion proof {"leafIndex", "treeSize", "leafHash" | "leaf", "proof", "root"}',
    schema: inclusionCase,
    run: checkInclusion,
    describe: describeVerdict,
    isValid: (verdict) => verdict.valid,
  });
  addCaseCommand(merkle, setExitCode, {
    name: "verify-consistency",
    description: 'RFC 9162 consistency proof {"size1", "size2", "root1", "root2", "proof"}',
    schema: consistencyCase,
    run: checkConsistency,
    describe: describeVerdict,
    isValid: (verdict) => verdict.valid,
  });
};
