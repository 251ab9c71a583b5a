import fc from "fast-check";
import { MerklePatriciaTrie, verifyProof } from "../../impl/mpt/index.ts";
import { trieEntries, trieKey } from "./trie-arbitraries.ts";
import { entriesToHex, fromHex, toHex } from "./hex-entries.ts";
import type { HexEntry } from "./hex-entries.ts";
import { settle } from "./property-outcome.ts";
import type { PropertyOutcome, RunParameters } from "./property-outcome.ts";

export const T5_PROOFS = "T5 proofs";

export interface ProofInput {
  entries: HexEntry[];
  /** Keys to prove absent (those that happen to be present are skipped). */
  absent: string[];
  /** Which proof node and byte to flip, and the XOR mask, for the tampering check. */
  tamper: { node: number; byte: number; mask: number };
  secure: boolean;
}

/**
 * A membership proof of every present key verifies to its value, a proof for an absent key
 * verifies to null, and a proof with one flipped byte is rejected or proves nothing
 * (seed-catalogue T5; EIP-1186 proofs).
 */
export function replayProofs(input: ProofInput): string | null {
  const trie = new MerklePatriciaTrie({ secure: input.secure });
  for (const [key, value] of input.entries) trie.put(fromHex(key), fromHex(value));
  const root = trie.root();
  for (const [key, value] of input.entries) {
    const { proof } = trie.createProof(fromHex(key));
    const verdict = verifyProof(root, fromHex(key), proof, { secure: input.secure });
    if (!verdict.valid || verdict.value === null || toHex(verdict.value) !== value) return `the proof of present key ${key} gives ${JSON.stringify(verdict.valid ? { value: verdict.value && toHex(verdict.value) } : verdict)}`;
    const tampered = proof.map((node) => node.slice());
    const target = tampered[input.tamper.node % tampered.length];
    target[input.tamper.byte % target.length] ^= input.tamper.mask;
    const forged = verifyProof(root, fromHex(key), tampered, { secure: input.secure });
    if (forged.valid) return `a proof of ${key} with byte ${input.tamper.byte % target.length} of node ${input.tamper.node % tampered.length} flipped still verifies`;
  }
  const present = new Set(input.entries.map(([key]) => key));
  for (const key of input.absent) {
    if (present.has(key)) continue;
    const { proof, value } = trie.createProof(fromHex(key));
    const verdict = verifyProof(root, fromHex(key), proof, { secure: input.secure });
    if (value !== null || !verdict.valid || verdict.value !== null) return `the absence proof of ${key} gives ${JSON.stringify(verdict)}`;
  }
  return null;
}

/** T5 (reference only). */
export function checkProofs(parameters: RunParameters): PropertyOutcome<ProofInput> {
  const input = fc.record({
    entries: trieEntries.map(entriesToHex),
    absent: fc.array(trieKey.map(toHex), { maxLength: 8 }),
    tamper: fc.record({ node: fc.nat(), byte: fc.nat(), mask: fc.integer({ min: 1, max: 255 }) }),
    secure: fc.boolean(),
  });
  return settle(
    T5_PROOFS,
    "impl/mpt",
    fc.check(fc.property(input, (value) => replayProofs(value) === null), parameters),
    parameters,
    ([value]) => value,
    replayProofs,
  );
}
