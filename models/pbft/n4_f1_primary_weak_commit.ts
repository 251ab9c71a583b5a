import { definePbftModel } from "./define-pbft-model.ts";
import { preparedAgreement } from "../../properties/pbft/prepared-agreement.ts";
import { equivocatingPrimaryConfig } from "./n4_f1_primary.ts";

/**
 * Mutant of pbft/n4_f1_primary: the commit quorum weakened from 2f+1 = 3 to 2f = 2. Within one
 * view this is NOT enough to break agreement: prepared certificates (pre-prepare + 2f PREPAREs
 * from distinct backups) already intersect in a correct backup, so at most one digest is
 * prepared per (v, n) by correct replicas, and a correct replica commits only what it
 * prepared. The weak commit quorum only matters across a view change (§4.4), which the normal
 * case does not model. The exhaustive check pins that.
 */
export const n4_f1_primary_weak_commit = definePbftModel({
  name: "pbft/n4_f1_primary_weak_commit",
  description:
    "Mutant of pbft/n4_f1_primary with the commit quorum weakened to 2f = 2. Agreement still holds in one view: " +
    "the prepare certificate alone keeps correct replicas from preparing two digests.",
  config: { ...equivocatingPrimaryConfig, quorumOverrides: { commit: 2 } },
  extraInvariants: [preparedAgreement],
  // Re-pinned on the runtime (was 59,816 states, depth 17, 240,932 transitions; witnesses 10, 2,
  // 3, 2), as pbft/n4_f1_primary. 14 steps, not 17: with a commit quorum of 2, each correct
  // replica waits for one COMMIT fewer.
  expected: {
    result: "pass",
    distinctStates: 130_442,
    maxDepth: 22,
    transitions: 527_770,
    sometimes: {
      "a request executed by every correct replica": 14,
      "Byzantine R0's equivocate forgery delivered to a correct replica": 4,
      "Byzantine R0's bad-digest forgery delivered to a correct replica": 5,
      "Byzantine R0's conflicting-votes forgery delivered to a correct replica": 3,
    },
  },
});

/**
 * Mutant with both certificates weakened to 2f (PREPARE count 2f-1 = 1, COMMIT count 2f = 2):
 * the harness catches it — the Byzantine primary splits the backups and tops up one side's
 * commit certificate with its own COMMIT.
 */
export const n4_f1_primary_weak_quorums = definePbftModel({
  name: "pbft/n4_f1_primary_weak_quorums",
  description:
    "Mutant of pbft/n4_f1_primary with both certificates weakened to 2f (prepare count 1, commit count 2) and 4 forgeries: an agreement violation.",
  config: { ...equivocatingPrimaryConfig, forgeryBudget: 4, quorumOverrides: { prepare: 1, commit: 2 } },
  // Re-pinned on the runtime (was 3,173 states, depth 6): as pbft/n3_f1.
  expected: { result: "violation", property: "agreement", distinctStates: 423_813, maxDepth: 12 },
});
