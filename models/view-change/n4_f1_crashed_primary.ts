import { definePbftModel } from "../pbft/define-pbft-model.ts";
import { preparedAgreement } from "../../properties/pbft/prepared-agreement.ts";
import type { PbftConfigInput } from "../../spec/pbft/config.ts";

/** The crashed-primary configuration, shared with the mutants: the smallest run that needs a view change. */
export const crashedPrimaryConfig: PbftConfigInput = {
  n: 4,
  f: 1,
  clients: 1,
  requests: 1,
  // K above the run's one request: no checkpoint, so min-s = 0 in every NEW-VIEW (state transfer from a NEW-VIEW is not modelled: spec/pbft/README.md).
  checkpointInterval: 4,
  window: 4,
  quorumRule: "2f+1",
  // R0 crashed before the run: it sends nothing (a silent replica, the one fault of the budget f).
  // A crash at any step would include every fault-free run, and the fault-free normal case of
  // n = 4 with one request alone exceeds 3,000,000 states (measured: incomplete at depth 21).
  byzantine: [{ replica: 0, behaviours: ["silent"] }],
  viewChange: { maxView: 1, time: "partial-sync", delta: 2, timeouts: "long-enough" },
  // A crash of the view-1 primary leaves no view to move to under the cut-off: progress is not claimed.
  checkTermination: false,
};

/** Seed catalogue A18: a crashed primary is replaced, and the request executes in view 1. */
/**
 * The same under async (seed catalogue A3, Fischer, Lynch and Paterson, JACM 1985): no GST, so
 * the adversary may expire the timers of a view change before its NEW-VIEW arrives, and the run
 * reaches the last modelled view with no request accepted — termination not guaranteed, the FLP
 * witness in its bounded form (the cut-off run). It uses no crash step: R0 silent from the start
 * is the one fault. Safety (agreement across views, …) holds in every state of the same run.
 */
export const n4_f1_crashed_primary_async = definePbftModel({
  name: "view-change/n4_f1_crashed_primary_async",
  description:
    "n4_f1_crashed_primary on an asynchronous network: termination not guaranteed (FLP witness) — the adversary expires the view change's timers before its NEW-VIEW arrives, " +
    "and a fair run reaches the last modelled view with no request accepted, one silent replica and no crash step; the same model under partial synchrony is live.",
  config: { ...crashedPrimaryConfig, viewChange: { maxView: 1, time: "async", delta: 2 } },
  extraInvariants: [preparedAgreement],
  // The witness in 10 steps: the request to R1 and R2 (the client's retransmission), their timeouts and
  // VIEW-CHANGEs, R3 joins on f+1 and holds 2f+1, and its timer expires twice (the doubled timeout) before any NEW-VIEW.
  expected: {
    result: "pass",
    distinctStates: 26_683,
    maxDepth: 31,
    transitions: 192_444,
    sometimes: { "a request executed by every correct replica": 23, "a view change completed": 8, "a request executed in a view ≥ 1": 19 },
    liveness: { "every client's requests accepted": { verdict: "undecided", steps: 10 } },
  },
});

/**
 * A shipped liveness bug (seed catalogue A18 VC2): a backup relays the client's request to the
 * primary and starts no timer, trusting the primary to act. With the primary crashed nothing
 * ever suspects it: after GST the run stops with the request pending, a deadlock lasso.
 */
export const n4_f1_no_request_timer = definePbftModel({
  name: "view-change/n4_f1_no_request_timer",
  description:
    "Mutant: a backup relays a client's request to the primary without starting its view-change timer. R0 has crashed: no one suspects it, no view change starts, and the request is never accepted — a liveness violation, shown as a lasso that ends in a deadlock.",
  config: { ...crashedPrimaryConfig, viewChange: { maxView: 1, time: "partial-sync", delta: 2, timeouts: "long-enough", bug: "no-request-timer" } },
  expected: {
    result: "violation",
    property: "every client's requests accepted",
    distinctStates: 38,
    maxDepth: 7,
    liveness: { "every client's requests accepted": { verdict: "violated", stem: 7, cycle: 0 } },
  },
});

export const n4_f1_crashed_primary = definePbftModel({
  name: "view-change/n4_f1_crashed_primary",
  description:
    "n = 4, f = 1, 2f+1 quorums, 1 client with 1 request; the primary R0 has crashed (silent: the one fault of the budget f); view change up to view 1 under partial synchrony, timeouts long enough after GST. " +
    "The client retransmits to every replica after its timeout, the backups relay it and suspect the primary, and the new primary R1 installs view 1: agreement across views must hold.",
  config: crashedPrimaryConfig,
  extraInvariants: [preparedAgreement],
  // The view change in 8 steps: the request, the client's timeout and retransmission to R2 and
  // R3, their timeouts, their VIEW-CHANGEs at R1, which joins (f+1) and with 2f+1 sends NEW-VIEW.
  expected: {
    result: "pass",
    distinctStates: 53_366,
    maxDepth: 32,
    transitions: 390_409,
    sometimes: {
      "a request executed by every correct replica": 23,
      "a view change completed": 8,
      "a request executed in a view ≥ 1": 19,
    },
    // A18 VC2: after GST every request is accepted within 30 steps.
    liveness: { "every client's requests accepted": { verdict: "holds", bound: 30 } },
  },
});
