import { buildMerkleTree, consistencyProof, sha256, treeRoot, verifyConsistency } from "../../impl/merkle/index.ts";
import { sampleLeaves } from "./sample-leaves.ts";

/**
 * RFC 9162 §2.1.4 consistency proofs, reference only (bitcoin and seed-merkle have none).
 * C1: the proof from size1 to size2 verifies for every 0 ≤ size1 ≤ size2.
 * C2: with one thing wrong — size1 ± 1 or xor 2, size2 doubled or halved, a root wrong or the
 * roots swapped, the path empty, truncated, extended, prefixed or a bit flipped — it fails.
 * The probes follow transparency-dev/merkle's corruptConsistencyProof.
 */
export interface ConsistencyCase {
  size1: number;
  size2: number;
}

interface Probe {
  label: string;
  size1: number;
  size2: number;
  root1: Uint8Array;
  root2: Uint8Array;
  proof: Uint8Array[];
}

function honestProbe({ size1, size2 }: ConsistencyCase, leaves: readonly Uint8Array[]): Probe {
  const tree = buildMerkleTree(leaves.slice(0, size2));
  return { label: "honest", size1, size2, root1: treeRoot(buildMerkleTree(leaves.slice(0, size1))), root2: treeRoot(tree), proof: consistencyProof(tree, size1) };
}

function tamperedProbes(honest: Probe): Probe[] {
  const { proof, root1, root2 } = honest;
  const other = sha256(new TextEncoder().encode("not a root"));
  const probes: Probe[] = [];
  const add = (label: string, change: Partial<Probe>): void => void probes.push({ ...honest, ...change, label });
  for (const size1 of new Set([honest.size1 - 1, honest.size1 + 1, honest.size1 ^ 2])) if (size1 > 0 && size1 !== honest.size1) add(`size1 ${size1}`, { size1 });
  for (const size2 of new Set([honest.size2 * 2, Math.floor(honest.size2 / 2)])) if (size2 !== honest.size2) add(`size2 ${size2}`, { size2 });
  add("a wrong root1", { root1: other });
  add("a wrong root2", { root2: other });
  add("swapped roots", { root1: root2, root2: root1 });
  add("the empty proof", { proof: [] });
  add("a truncated proof", { proof: proof.slice(0, -1) });
  for (const extra of [root1, root2]) {
    add("a hash appended", { proof: [...proof, extra] });
    add("a hash prepended", { proof: [extra, ...proof] });
  }
  proof.forEach((_, k) => {
    const flipped = Uint8Array.from(proof[k]);
    flipped[0] ^= 0x10;
    add(`a bit of proof[${k}] flipped`, { proof: proof.map((p, m) => (m === k ? flipped : p)) });
  });
  return probes;
}

/**
 * C1 then C2 for one pair, from a single honest proof. Pairs whose proof is empty (size1 = 0
 * or size1 = size2) have nothing to tamper with, as in transparency-dev/merkle's tests.
 */
export function consistencyViolation(input: ConsistencyCase): string | undefined {
  const honest = honestProbe(input, sampleLeaves(input.size2));
  const verdict = verifyConsistency(honest.size1, honest.size2, honest.root1, honest.root2, honest.proof);
  if (!verdict.valid) return `the honest proof from ${input.size1} to ${input.size2} is rejected: ${verdict.error}`;
  if (honest.proof.length === 0) return undefined;
  const accepted = tamperedProbes(honest).find((p) => verifyConsistency(p.size1, p.size2, p.root1, p.root2, p.proof).valid);
  return accepted ? `the proof from ${input.size1} to ${input.size2} passes with ${accepted.label}` : undefined;
}
