import { bitcoinScheme, seedScheme, type MerkleScheme } from "../../impl/merkle/index.ts";
import type { AuditFinding } from "../audit/finding.ts";
import { completeness } from "./completeness.ts";
import { distinctRoots } from "./distinct-roots.ts";
import { emptyTree, proveOutOfRange } from "./edge-cases.ts";
import { internalNodeAsLeaf } from "./internal-node-as-leaf.ts";
import { rfc9162Oracle } from "./oracle.ts";
import { positionBinding } from "./position-binding.ts";
import { proofSize } from "./proof-size.ts";
import { DEFAULT_BUDGET, type MerkleProperty, type SearchBudget } from "./property.ts";
import { tamperRejection } from "./tamper-rejection.ts";

/** The catalogue's Merkle properties (M1–M6), in report order. */
export const MERKLE_PROPERTIES: readonly MerkleProperty<never>[] = [
  completeness,
  positionBinding,
  tamperRejection,
  internalNodeAsLeaf,
  distinctRoots,
  proofSize,
  emptyTree,
  proveOutOfRange,
  rfc9162Oracle,
] as unknown as readonly MerkleProperty<never>[];

export function merklePropertyNamed(name: string): MerkleProperty<unknown> {
  const property = MERKLE_PROPERTIES.find((p) => p.name === name);
  if (property === undefined) throw new Error(`no Merkle property named "${name}"`);
  return property as unknown as MerkleProperty<unknown>;
}

/**
 * Runs each property's search against `scheme` under fixed seeds (stable reports) and turns
 * the result into reports/seed-audit.md rows: holds, or broken with the minimal counterexample
 * (the property's input, replayable with `merklePropertyNamed(name).check(scheme, input)`).
 */
export function merkleAudit(scheme: MerkleScheme, source: string, properties: readonly MerkleProperty<never>[] = MERKLE_PROPERTIES, budget: SearchBudget = DEFAULT_BUDGET): AuditFinding[] {
  return properties.map((p) => {
    const property = p as unknown as MerkleProperty<unknown>;
    const counterexample = property.search(scheme, budget);
    if (counterexample === undefined) {
      return { subject: scheme.name, property: property.name, verdict: "holds", explanation: `No counterexample in ${property.scope} (fast-check seed ${budget.seed}).`, source };
    }
    const violation = property.check(scheme, counterexample) ?? "the search's counterexample did not replay";
    return { subject: scheme.name, property: property.name, verdict: "broken", counterexample, explanation: `${violation}: ${property.meaning}.`, source };
  });
}

/** The seed's sketch (A §5.1) against every Merkle property. */
export function seedMerkleAudit(): AuditFinding[] {
  return merkleAudit(seedScheme, "A §5.1 l. 330–396 (catalogue A34–A38)");
}

/**
 * The Bitcoin-style variant against the properties that apply to it: all but M6, since it
 * is not meant to be RFC 9162 (its known answer is a mainnet block, in the tests).
 */
export function bitcoinMerkleAudit(): AuditFinding[] {
  return merkleAudit(bitcoinScheme, "Bitcoin Core src/consensus/merkle.cpp (CVE-2012-2459)", MERKLE_PROPERTIES.filter((p) => p !== (rfc9162Oracle as unknown)));
}
