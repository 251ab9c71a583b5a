import { definePbftModel } from "./define-pbft-model.ts";
import { preparedAgreement } from "../../properties/pbft/prepared-agreement.ts";
import { equivocatingPrimaryConfig, equivocatingPrimarySometimes } from "./n4_f1_primary.ts";

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
  sometimes: equivocatingPrimarySometimes,
  expected: {
    result: "pass",
    distinctStates: 59816,
    maxDepth: 17,
    transitions: 240932,
    // 10 steps, not 13: with a commit quorum of 2, each correct replica waits for one COMMIT fewer.
    sometimes: {
      "a request executed by every correct replica": 10,
      "Byzantine replica 0's equivocate forgery delivered to a correct replica": 2,
      "Byzantine replica 0's bad-digest forgery delivered to a correct replica": 3,
      "Byzantine replica 0's conflicting-votes forgery delivered to a correct replica": 2,
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
  expected: { result: "violation", property: "agreement", distinctStates: 3173, maxDepth: 6 },
});
