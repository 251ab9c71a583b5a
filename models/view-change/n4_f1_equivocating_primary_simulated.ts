import { definePbftModel } from "../pbft/define-pbft-model.ts";
import { preparedAgreement } from "../../properties/pbft/prepared-agreement.ts";
import { conflictingPrePreparesLogged } from "../../properties/pbft/concurrent-requests.ts";
import { crashedPrimaryConfig } from "./n4_f1_crashed_primary.ts";

/**
 * The equivocating, then silent primary at its true size (seed catalogue A18, Castro & Liskov
 * §4.2/§4.4): two clients, and R0 pre-prepares different requests for one sequence number to
 * different backups (`equivocate`, 2 forgeries), then falls silent, so the backups must replace
 * it while conflicting PRE-PREPAREs sit in their logs. Exhaustively it passes 500,000 states at
 * depth 19 still growing (the one-client, one-backup form is view-change/n4_f1_byzantine_primary),
 * so this is a seeded simulation: every safety property after every step of 1,000 random runs;
 * liveness is not judged by a sample.
 */
export const n4_f1_equivocating_primary_simulated = definePbftModel({
  name: "view-change/n4_f1_equivocating_primary_simulated",
  description:
    "n = 4, f = 1, 2f+1 quorums, 2 clients with 1 request each; the primary R0 is Byzantine: it pre-prepares different requests at one sequence number to different backups, then falls silent. " +
    "Safety across views in a seeded simulation of 1,000 runs (not exhaustive): the conflicting PRE-PREPAREs are logged, the backups change views, and requests execute in view 1.",
  config: {
    ...crashedPrimaryConfig,
    clients: 2,
    byzantine: [{ replica: 0, behaviours: ["equivocate"] }],
    forgeryBudget: 2,
    viewChange: { maxView: 1, time: "partial-sync", delta: 2, timeouts: "long-enough" },
  },
  profile: "full",
  simulation: { walks: 1_000, maxSteps: 300, seed: 20_261_201 },
  extraInvariants: [preparedAgreement],
  extraSometimes: [conflictingPrePreparesLogged],
  // Of the simulation: states met, the longest run, steps taken, first witnesses.
  expected: {
    result: "pass",
    distinctStates: 34_057,
    maxDepth: 66,
    transitions: 57_699,
    sometimes: {
      "a request executed by every correct replica": 25,
      "Byzantine R0's equivocate forgery delivered to a correct replica": 7,
      "a view change completed": 8,
      "a request executed in a view ≥ 1": 21,
      "conflicting PRE-PREPAREs logged at one seq": 10,
    },
  },
});
