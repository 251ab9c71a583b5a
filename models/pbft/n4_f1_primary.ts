import { definePbftModel } from "./define-pbft-model.ts";
import { preparedAgreement } from "../../properties/pbft/prepared-agreement.ts";
import type { PbftConfigInput } from "../../spec/pbft/config.ts";

/**
 * The equivocating-primary configuration, shared with its mutants: two clients' requests give
 * the Byzantine primary two digests to split the backups over.
 */
export const equivocatingPrimaryConfig: PbftConfigInput = {
  n: 4,
  f: 1,
  clients: 2,
  requests: 1,
  checkpointInterval: 2,
  window: 2,
  quorumRule: "2f+1",
  forgeryBudget: 3,
  byzantine: [{ replica: 0, behaviours: ["equivocate", "bad-digest", "conflicting-votes"] }],
  // Without a view change nothing replaces a faulty primary, so progress is not claimed.
  checkTermination: false,
};

/** Seed catalogue A15: the Castro–Liskov invariant under an equivocating primary. */
export const n4_f1_primary = definePbftModel({
  name: "pbft/n4_f1_primary",
  description:
    "n = 4, f = 1, 2f+1 quorums; the Byzantine primary equivocates (PRE-PREPAREs for two clients' requests to different backups), " +
    "sends PRE-PREPAREs whose digest is the other request's " +
    "and sends COMMITs for any digest, up to 3 forgeries per run. Agreement must hold; termination is not checked (no view change).",
  config: equivocatingPrimaryConfig,
  extraInvariants: [preparedAgreement],
  // The protocol's sometimes: a request through every correct replica (the primary's forged
  // PRE-PREPAREs are the only ones) and each forgery delivered. No checkpoint can become stable:
  // executing n = 2 at 2f+1 replicas (K = 2) takes six PRE-PREPAREs, and the budget is three forgeries.
  // Re-pinned on the runtime (was 55,656 states, depth 17, 250,228 transitions; witnesses 13, 2,
  // 3, 2): each forgery is sent, then delivered, and the Byzantine primary forges only for the
  // requests that reached it as REQUEST messages.
  expected: {
    result: "pass",
    distinctStates: 112_586,
    maxDepth: 22,
    transitions: 480_402,
    sometimes: {
      "a request executed by every correct replica": 17,
      "Byzantine R0's equivocate forgery delivered to a correct replica": 4,
      "Byzantine R0's bad-digest forgery delivered to a correct replica": 5,
      "Byzantine R0's conflicting-votes forgery delivered to a correct replica": 3,
    },
  },
});
