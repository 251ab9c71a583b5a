import { z } from "zod";
import type { ModelDefinition } from "../../model.ts";
import { oracleCoverage } from "./coverage.ts";
import { buildPbftN4F1, type PbftN4F1Config } from "./system.ts";

// The oracle is one fixed cluster of n = 4 replicas (SPEC.md §2): a quorum counts 1 to 4 of
// them, so every field is bounded by the model itself and a Schedule's config cannot ask more.
const QUORUM_MESSAGE = "must be a whole number from 1 to 4 (the oracle model has n = 4 replicas)";
const quorum = z.number({ error: QUORUM_MESSAGE }).int(QUORUM_MESSAGE).min(1, QUORUM_MESSAGE).max(4, QUORUM_MESSAGE);
const PROPERTIES = ["agreement", "validity"] as const;

export const pbftN4F1ConfigSchema = z
  .object({
    qp: quorum.describe("prepare quorum QP (SPEC.md §5.1); 3 = 2f+1"),
    qc: quorum.describe("commit quorum QC (SPEC.md §5.2); 3 = 2f+1"),
    properties: z
      .array(z.enum(PROPERTIES, { error: `must be one of ${PROPERTIES.join(", ")}` }))
      .min(1, "name at least one property")
      .max(PROPERTIES.length, `name each of ${PROPERTIES.join(", ")} at most once`)
      .refine((names) => new Set(names).size === names.length, "name each property at most once")
      .optional()
      .describe("The properties checked, each at most once; both when absent."),
    symmetry: z
      .enum(["replicas", "replicas-and-values"], { error: 'must be "replicas" or "replicas-and-values"' })
      .optional()
      .describe("The symmetry group offered for reduction (SPEC.md §7.1); none when absent."),
  })
  .strict();

const ASSUMPTIONS =
  "Asynchronous network without loss or duplication; one view, one sequence number; replica 0 is a Byzantine primary that may equivocate but sends each backup at most one PRE-PREPARE and one COMMIT; no signatures modelled.";

/** The shared benchmark and SPIN oracle (SPEC.md §7.1): the whole space, exact counts. */
export const pbftN4F1Model: ModelDefinition<PbftN4F1Config> = {
  name: "bench/pbft_n4f1",
  description: "PBFT normal case, n = 4, f = 1, Byzantine primary, values {A, B}: the SPIN oracle model whose exact counts every explorer must reproduce.",
  assumptions: ASSUMPTIONS,
  configSchema: pbftN4F1ConfigSchema,
  config: { qp: 3, qc: 3 },
  build: buildPbftN4F1,
  covers: oracleCoverage,
  expected: {
    result: "pass",
    distinctStates: 1_140_625,
    maxDepth: 24,
    transitions: 7_933_500,
    sometimes: { "a correct replica committed A": 9, "a correct replica committed B": 9 },
  },
};

/**
 * Mutant M (SPEC.md §7.2): both quorums 2f = 2. Agreement alone is checked so that the
 * expected counterexample is the 8-step one (Validity already fails after 4 steps).
 */
export const pbftN4F1MutantModel: ModelDefinition<PbftN4F1Config> = {
  name: "bench/pbft_n4f1_mutant",
  description: "The oracle model with both quorums weakened to 2f = 2 (mutant M): two correct replicas commit different values after 8 steps.",
  assumptions: ASSUMPTIONS,
  configSchema: pbftN4F1ConfigSchema,
  config: { qp: 2, qc: 2, properties: ["agreement"] },
  build: buildPbftN4F1,
  covers: oracleCoverage,
  expected: { result: "violation", property: "agreement", distinctStates: 45_902, maxDepth: 8 },
};
