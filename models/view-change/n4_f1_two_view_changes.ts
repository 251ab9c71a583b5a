import { definePbftModel } from "../pbft/define-pbft-model.ts";
import { preparedAgreement } from "../../properties/pbft/prepared-agreement.ts";
import { secondViewChangeCompleted } from "../../properties/pbft/view-change-reachable.ts";
import { crashedPrimaryConfig } from "./n4_f1_crashed_primary.ts";

/**
 * Two consecutive view changes (seed catalogue A18, Castro & Liskov §4.4): as
 * n4_f1_crashed_primary, with the cut-off at view 2: before GST the adversary may expire any
 * timer at any step and force view 1 out before it makes progress; view 2's primary R2 must then
 * install a NEW-VIEW built from view 1's certificates, under doubled timeouts. After GST
 * timeouts are long enough (time.timeouts), and every request is accepted within B steps.
 * Under async instead the model has 605,172 states and its liveness is undecided (the FLP
 * witness of n4_f1_crashed_primary_async, one view later).
 */
export const n4_f1_two_view_changes = definePbftModel({
  name: "view-change/n4_f1_two_view_changes",
  description:
    "n = 4, f = 1, 2f+1 quorums, 1 client with 1 request; the primary R0 has crashed (silent); view change up to view 2 under partial synchrony: " +
    "before GST any timer may expire at any step, so the adversary can force two consecutive view changes (the second after a doubled timeout); after GST every request is accepted.",
  config: { ...crashedPrimaryConfig, viewChange: { maxView: 2, time: "partial-sync", delta: 2, timeouts: "long-enough" } },
  // 1.2 million states, about two minutes: the full profile (npm start); crashed_primary stands for it in npm test.
  profile: "full",
  extraInvariants: [preparedAgreement],
  extraSometimes: [secondViewChangeCompleted],
  // View 2 in 18 steps: before GST R2 and R3 time out of view 0, their VIEW-CHANGEs make R1 hold
  // 2f+1, R1's timer for the NEW-VIEW expires twice (the doubled timeout), and so on into view 2.
  expected: {
    result: "pass",
    distinctStates: 1_210_344,
    maxDepth: 51,
    transitions: 9_055_224,
    sometimes: {
      "a request executed by every correct replica": 23,
      "a view change completed": 8,
      "a request executed in a view ≥ 1": 19,
      "a NEW-VIEW for view 2 installed": 18,
    },
    liveness: { "every client's requests accepted": { verdict: "holds", bound: 33 } },
  },
});
