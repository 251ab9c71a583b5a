import { z } from "zod";
import { bitcoinMerkleRoot, buildMerkleTree, hashLeaf, treeRoot, verifyConsistency, verifyInclusion, type Verdict } from "../../impl/merkle/index.ts";
import { addCaseCommand, hexBytes, hexHash32, toHex } from "../case-file.ts";
import type { CommandRegistration } from "./index.ts";

/**
 * `merkle root|verify-inclusion|verify-consistency FILE`: audit the Merkle roots and proofs of
 * a user's own log (RFC 9162 §2.1) or block (Bitcoin). FILE (or `-`) holds one case or an
 * array of cases; exit 0 once every case was processed, whatever the verdicts, 2 on bad input.
 */
const treeSize = z
  .number({ error: (issue) => (issue.input === undefined ? "missing: expected a whole number ≥ 0" : "expected a whole number ≥ 0") })
  .int({ message: "expected a whole number ≥ 0" })
  .nonnegative({ message: "expected a whole number ≥ 0, not a negative one" })
  .max(Number.MAX_SAFE_INTEGER, { message: "expected a number below 2^53" });

const proof = z.array(hexHash32, { message: "expected an array of 32-byte hashes (0x + 64 hex digits)" });

export const rootCase = z
  .strictObject({
    leaves: z.array(hexBytes, { message: 'expected an array of 0x-hex leaves, e.g. ["0x00", "0x0102"]' }),
    hash: z.enum(["rfc6962", "bitcoin"], { message: 'expected "rfc6962" (the default) or "bitcoin"' }).default("rfc6962"),
  })
  .superRefine((value, ctx) => {
    if (value.hash !== "bitcoin") return;
    // Bitcoin leaves are txids: the tree never hashes them again, so they must be 32 bytes.
    const bad = value.leaves.findIndex((leaf) => leaf.length !== 32);
    if (bad >= 0) ctx.addIssue({ code: "custom", path: ["leaves", bad], message: "bitcoin leaves are txids: expected 32 bytes (0x + 64 hex digits)" });
  });

export const inclusionCase = z
  .strictObject({
    leafIndex: treeSize,
    treeSize,
    leafHash: hexHash32.optional(),
    leaf: hexBytes.optional(),
    proof,
    root: hexHash32,
  })
  .superRefine((value, ctx) => {
    if ((value.leafHash === undefined) === (value.leaf === undefined)) {
      ctx.addIssue({ code: "custom", path: ["leafHash"], message: 'give exactly one of "leafHash" (32-byte RFC 6962 leaf hash) or "leaf" (the leaf data)' });
    }
  });

export const consistencyCase = z.strictObject({ size1: treeSize, size2: treeSize, root1: hexHash32, root2: hexHash32, proof });

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

export const registerMerkle: CommandRegistration = (program) => {
  const merkle = program.command("merkle").description("Merkle tree roots and proofs (RFC 9162 §2.1; Bitcoin for roots)");
  addCaseCommand(merkle, "root", 'root of {"leaves": ["0x.."], "hash"?: "rfc6962" | "bitcoin"} (bitcoin: leaves are 32-byte txids in internal byte order, the root likewise)', rootCase, merkleRootOf, (r) => `root ${r.root}`);
  addCaseCommand(merkle, "verify-inclusion", 'RFC 9162 inclusion proof {"leafIndex", "treeSize", "leafHash" | "leaf", "proof", "root"}', inclusionCase, checkInclusion, describeVerdict);
  addCaseCommand(merkle, "verify-consistency", 'RFC 9162 consistency proof {"size1", "size2", "root1", "root2", "proof"}', consistencyCase, checkConsistency, describeVerdict);
};
