import type { AuditFinding } from "../audit/finding.ts";
import { T1_MAP_SEMANTICS, T1_MAP_SEMANTICS_HASHED_KEYS, checkMapSemantics, replayMapSemantics } from "./map-semantics.ts";
import type { MapOp } from "./map-semantics.ts";
import { T3_CANONICAL_FORM, checkCanonicalForm, replayCanonicalForm } from "./canonical-form.ts";
import type { CanonicalFormInput } from "./canonical-form.ts";
import { T4_STRUCTURE, checkStructure, replayStructure } from "./structure-invariants.ts";
import type { StructureInput } from "./structure-invariants.ts";
import type { PropertyOutcome, RunParameters } from "./property-outcome.ts";
import { seedSubject } from "./seed-subject.ts";
import type { TrieSubject } from "./trie-subject.ts";

/** Fixed seeds, so the report and its replay test are the same every run. */
export const SEED_AUDIT_RUNS: Record<string, RunParameters> = {
  [T1_MAP_SEMANTICS]: { seed: 5201, numRuns: 300 },
  [T1_MAP_SEMANTICS_HASHED_KEYS]: { seed: 5202, numRuns: 300 },
  [T3_CANONICAL_FORM]: { seed: 5203, numRuns: 200 },
  [T4_STRUCTURE]: { seed: 5204, numRuns: 200 },
};

const SOURCE = "A §5.2 l. 406–449 (get_node literal; put_node written for the port)";

const WHAT_IT_MEANS: Record<string, string> = {
  [T1_MAP_SEMANTICS]: "The seed's state tree does not behave as a map",
  [T1_MAP_SEMANTICS_HASHED_KEYS]: "Even with equal-length keys (no prefix keys, no empty key) the seed's tree loses values below an Extension",
  [T3_CANONICAL_FORM]: "The seed's tree shape depends on insertion order",
  [T4_STRUCTURE]: "The seed's tree is not in canonical Patricia form",
};

/** Replays a finding's counterexample on `subject`: the failure, or null when the property holds. */
export function replaySeedFinding(property: string, counterexample: unknown, subject: TrieSubject): string | null {
  switch (property) {
    case T1_MAP_SEMANTICS:
    case T1_MAP_SEMANTICS_HASHED_KEYS:
      return replayMapSemantics(subject, counterexample as MapOp[]);
    case T3_CANONICAL_FORM:
      return replayCanonicalForm(subject, counterexample as CanonicalFormInput);
    case T4_STRUCTURE:
      return replayStructure(subject, counterexample as StructureInput);
    default:
      throw new Error(`no replay for property ${property}`);
  }
}

function toFinding(outcome: PropertyOutcome<unknown>): AuditFinding {
  if (outcome.holds) {
    return { subject: "seed-mpt", property: outcome.property, verdict: "holds", explanation: `Holds on ${outcome.numRuns} runs (fast-check seed ${outcome.seed}).`, source: SOURCE };
  }
  return {
    subject: "seed-mpt",
    property: outcome.property,
    verdict: "broken",
    counterexample: outcome.counterexample,
    explanation: `${WHAT_IT_MEANS[outcome.property]}: ${outcome.failure}.`,
    source: SOURCE,
  };
}

/**
 * The MPT suites that apply to the seed sketch (T1, also with 32-byte keys only, T3, T4; T2 and T5 need a root hash and
 * proofs, which the sketch does not have) run against seed-mpt with fixed seeds.
 */
export function seedMptAudit(): AuditFinding[] {
  const subject = seedSubject();
  return [
    checkMapSemantics(subject, SEED_AUDIT_RUNS[T1_MAP_SEMANTICS]),
    checkMapSemantics(subject, SEED_AUDIT_RUNS[T1_MAP_SEMANTICS_HASHED_KEYS], "hashed"),
    checkCanonicalForm(subject, SEED_AUDIT_RUNS[T3_CANONICAL_FORM]),
    checkStructure(subject, SEED_AUDIT_RUNS[T4_STRUCTURE]),
  ].map(toFinding);
}
