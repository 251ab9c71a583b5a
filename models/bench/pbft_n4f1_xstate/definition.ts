import type { ModelDefinition } from "../../model.ts";
import { runtimeCoverage, runtimeSystem } from "../../../impl/runtime/index.ts";
import { pbftN4F1ConfigSchema } from "../pbft_n4f1/definition.ts";
import type { PbftN4F1Config } from "../pbft_n4f1/system.ts";
import { oracleProtocol } from "./protocol.ts";

const ASSUMPTIONS =
  "SPEC.md's oracle through XState: asynchronous network without loss or duplication; one view, one sequence number; replica 0 is a Byzantine primary (a strategy machine) that may equivocate but sends each backup at most one PRE-PREPARE and one COMMIT; no signatures modelled.";

// The oracle's symmetry reductions are the hand-written model's (its encoding); this one explores the whole space.
const configSchema = pbftN4F1ConfigSchema.refine((config) => config.symmetry === undefined, { message: "symmetry is offered by bench/pbft_n4f1 only; leave it out", path: ["symmetry"] });

const build = (config: PbftN4F1Config) => runtimeSystem(oracleProtocol, config);
const covers = (config: PbftN4F1Config) => runtimeCoverage(oracleProtocol, config);

/** SPEC.md §7.1 through the runtime: the same exact figures as bench/pbft_n4f1 and SPIN. */
export const pbftN4F1XstateModel: ModelDefinition<PbftN4F1Config> = {
  name: "bench/pbft_n4f1_xstate",
  description: "The SPIN oracle model (SPEC.md) written as XState machines on the actor runtime: it must reach bench/pbft_n4f1's exact counts.",
  assumptions: ASSUMPTIONS,
  configSchema,
  config: { qp: 3, qc: 3 },
  build,
  covers,
  expected: {
    result: "pass",
    distinctStates: 1_140_625,
    maxDepth: 24,
    transitions: 7_933_500,
    sometimes: { "a correct replica committed A": 9, "a correct replica committed B": 9 },
  },
};

/** Mutant M (SPEC.md §7.2) through the runtime: Agreement fails after 8 steps. */
export const pbftN4F1XstateMutantModel: ModelDefinition<PbftN4F1Config> = {
  name: "bench/pbft_n4f1_xstate_mutant",
  description: "The XState oracle with both quorums weakened to 2f = 2 (mutant M): two correct replicas commit different values after 8 steps.",
  assumptions: ASSUMPTIONS,
  configSchema,
  config: { qp: 2, qc: 2, properties: ["agreement"] },
  build,
  covers,
  // 34,399 states at depth ≤ 7 (SPEC.md §7.2), then BFS meets the first violating state at depth 8
  // after 1,322 more: fewer than bench/pbft_n4f1_mutant's 45,902, whose actions come in another
  // order (its 30 instances by kind; here deliveries by message text, then the primary's steps).
  expected: { result: "violation", property: "agreement", distinctStates: 35_721, maxDepth: 8 },
};
