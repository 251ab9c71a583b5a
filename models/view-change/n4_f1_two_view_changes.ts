import { definePbftModel } from "../pbft/define-pbft-model.ts";
import { preparedAgreement } from "../../properties/pbft/prepared-agreement.ts";
import { secondViewChangeCompleted } from "../../properties/pbft/view-change-reachable.ts";
import { crashedPrimaryConfig } from "./n4_f1_crashed_primary.ts";

/**
 * Two consecutive view changes (seed catalogue A18, Castro & Liskov §4.4): as
 * n4_f1_crashed_primary, with the cut-off at view 2 and an asynchronous network, so that the
 * adversary may expire any timer at any step and force view 1 out before it makes progress;
 * view 2's primary R2 must then install a NEW-VIEW built from view 1's certificates, under
 * doubled timeouts. Async, not partial synchrony: with Δ = 2 the same model has 1,296,094 states
 * (124 s), with Δ = 1 714,168 (64 s); partial synchrony's ages and GST multiply the states,
 * while async already lets the adversary force both view changes.
 */
export const n4_f1_two_view_changes = definePbftModel({
  name: "view-change/n4_f1_two_view_changes",
  description:
    "n = 4, f = 1, 2f+1 quorums, 1 client with 1 request; the primary R0 has crashed (silent); view change up to view 2 on an asynchronous network: " +
    "any timer may expire at any step, so the adversary can force two consecutive view changes (the second after a doubled timeout).",
  config: { ...crashedPrimaryConfig, viewChange: { maxView: 2, time: "async", delta: 2 } },
  extraInvariants: [preparedAgreement],
  extraSometimes: [secondViewChangeCompleted],
  // View 2 in 12 steps: R1 and R3 each time out once (view 1) and twice more (the doubled
  // timeout: view 2), and their two VIEW-CHANGEs for view 2 make R2 join and send the NEW-VIEW.
  expected: {
    result: "pass",
    distinctStates: 112_463,
    maxDepth: 43,
    transitions: 752_353,
    sometimes: {
      "a request executed by every correct replica": 23,
      "a view change completed": 8,
      "a request executed in a view ≥ 1": 19,
      "a NEW-VIEW for view 2 installed": 12,
    },
  },
});
