import { definePbftModel } from "../pbft/define-pbft-model.ts";
import { preparedAgreement } from "../../properties/pbft/prepared-agreement.ts";
import type { PbftConfigInput } from "../../spec/pbft/config.ts";

/** The crashed-primary configuration, shared with the mutants: the smallest run that needs a view change. */
export const crashedPrimaryConfig: PbftConfigInput = {
  n: 4,
  f: 1,
  clients: 1,
  requests: 1,
  // K above the run's one request: no checkpoint, so min-s = 0 in every NEW-VIEW (no state transfer needed).
  checkpointInterval: 4,
  window: 4,
  quorumRule: "2f+1",
  // R0 crashed before the run: it sends nothing (a silent replica, the one fault of the budget f).
  // A crash at any step would include every fault-free run, and the fault-free normal case of
  // n = 4 with one request alone exceeds 3,000,000 states (measured: incomplete at depth 21).
  byzantine: [{ replica: 0, behaviours: ["silent"] }],
  viewChange: { maxView: 1, time: "partial-sync", delta: 2 },
  // A crash of the view-1 primary leaves no view to move to under the cut-off: progress is not claimed.
  checkTermination: false,
};

/** Seed catalogue A18: a crashed primary is replaced, and the request executes in view 1. */
export const n4_f1_crashed_primary = definePbftModel({
  name: "view-change/n4_f1_crashed_primary",
  description:
    "n = 4, f = 1, 2f+1 quorums, 1 client with 1 request; the primary R0 has crashed (silent: the one fault of the budget f); view change up to view 1 under partial synchrony (Δ = 2). " +
    "The client retransmits to every replica after its timeout, the backups relay it and suspect the primary, and the new primary R1 installs view 1: agreement across views must hold.",
  config: crashedPrimaryConfig,
  extraInvariants: [preparedAgreement],
  // The view change in 8 steps: the request, the client's timeout and retransmission to R2 and
  // R3, their timeouts, their VIEW-CHANGEs at R1, which joins (f+1) and with 2f+1 sends NEW-VIEW.
  expected: {
    result: "pass",
    distinctStates: 63_755,
    maxDepth: 28,
    transitions: 396_869,
    sometimes: {
      "a request executed by every correct replica": 23,
      "a view change completed": 8,
      "a request executed in a view ≥ 1": 19,
    },
  },
});
