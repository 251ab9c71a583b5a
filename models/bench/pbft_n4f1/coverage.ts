import type { Coverage } from "../../../spec/common/coverage.ts";
import { CORRECT, VALUE_NAMES } from "./layout.ts";
import type { PbftN4F1Config } from "./system.ts";
import type { PbftSymmetry } from "./symmetry.ts";

/**
 * What a check of the oracle covers: SPEC.md §1–2's fixed model, worded from the layout that
 * implements it (replica 0 the Byzantine primary, the correct replicas, the values), and the
 * config's quorums and symmetry.
 */
export function oracleCoverage(config: PbftN4F1Config): Coverage {
  const correct = CORRECT.join(", ");
  return {
    bounds: [
      `${CORRECT.length + 1} replicas: replica 0, the primary, and ${correct}`,
      `values ${VALUE_NAMES.slice(1).join(", ")}; one sequence number, no checkpoints, no clients`,
      `prepare quorum QP = ${config.qp}, commit quorum QC = ${config.qc}`,
      symmetryLine(config.symmetry),
    ],
    faults: [
      "replica 0 (the primary) Byzantine: equivocates, a PRE-PREPARE and a COMMIT for any value to each backup, no PREPARE",
      `replicas ${correct} follow the protocol and never crash`,
      "the network neither loses, duplicates nor corrupts messages",
    ],
    budgets: [`forgeries: at most one PRE-PREPARE and one COMMIT to each of the ${CORRECT.length} backups, ${2 * CORRECT.length} in all`],
    time: ["asynchronous: any message in flight may be delivered next", "one view, no timers: no view change"],
  };
}

function symmetryLine(symmetry: PbftSymmetry | undefined): string {
  switch (symmetry) {
    case undefined:
      return "no symmetry reduction: every state stored";
    case "replicas":
      return "symmetry reduction: states stored up to permutations of the correct replicas";
    case "replicas-and-values":
      return "symmetry reduction: states stored up to permutations of the correct replicas and of the values";
  }
}
