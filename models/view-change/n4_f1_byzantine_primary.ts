import { definePbftModel } from "../pbft/define-pbft-model.ts";
import { preparedAgreement } from "../../properties/pbft/prepared-agreement.ts";
import { crashedPrimaryConfig } from "./n4_f1_crashed_primary.ts";

/**
 * A Byzantine primary that starts the normal case and then falls silent (seed catalogue A18,
 * Castro & Liskov §4.4): R0 pre-prepares the client's request to one backup of its choice —
 * its forgery budget is one PRE-PREPARE — and sends nothing more. The backups must replace it,
 * and the one that logged its pre-prepare carries nothing prepared into the view change (one
 * PRE-PREPARE is no certificate). With a budget of two the same primary (two backups
 * pre-prepared, so a prepared certificate crosses the view change) passes 3.9 million states
 * in 400 s still growing: beyond npm test, and the mutants ignore_prepared_sets and
 * drop_prepared_certificates run that adversary up to their violation.
 */
export const n4_f1_byzantine_primary = definePbftModel({
  name: "view-change/n4_f1_byzantine_primary",
  description:
    "n = 4, f = 1, 2f+1 quorums, 1 client with 1 request; the primary R0 is Byzantine: it pre-prepares the request to one backup of its choice, then falls silent. " +
    "Safety across views, and after GST (timeouts long enough) every request accepted: the backups suspect R0 and R1 installs view 1.",
  config: {
    ...crashedPrimaryConfig,
    byzantine: [{ replica: 0, behaviours: ["equivocate"] }],
    forgeryBudget: 1,
    viewChange: { maxView: 1, time: "partial-sync", delta: 2, timeouts: "long-enough" },
  },
  extraInvariants: [preparedAgreement],
  expected: {
    result: "pass",
    distinctStates: 118_796,
    maxDepth: 33,
    transitions: 729_691,
    sometimes: {
      "a request executed by every correct replica": 23,
      "Byzantine R0's equivocate forgery delivered to a correct replica": 4,
      "a view change completed": 8,
      "a request executed in a view ≥ 1": 19,
    },
    liveness: { "every client's requests accepted": { verdict: "holds", bound: 34 } },
  },
});
