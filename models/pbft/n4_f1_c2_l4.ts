import { definePbftModel } from "./define-pbft-model.ts";
import { preparedAgreement } from "../../properties/pbft/prepared-agreement.ts";
import { bothClientsPrePrepared } from "../../properties/pbft/concurrent-requests.ts";
import { checkpointMadeStable } from "../../properties/pbft/reachable.ts";

/**
 * Seed catalogue A18's window and checkpoint interval (K = 2, L = 4) with two clients' requests in
 * flight at once. A18's full size, three requests from two clients, is beyond exhaustive checking
 * here (spec/pbft/README.md: over 20.7 million states and still growing after 600 s), so
 * one request each is what is pinned. A silent backup: with four correct replicas one request
 * alone passes 5.4 million states within a minute. 570,508 states and 4.2 million transitions
 * take 8–13 s, which `npm test`'s ten minutes on two cores cannot spare: the full profile
 * (`npm start`) runs it, and pbft/n4_f1 stands for the window and checkpoints in the tests.
 */
export const n4_f1_c2_l4 = definePbftModel({
  name: "pbft/n4_f1_c2_l4",
  profile: "full",
  description:
    "n = 4, f = 1, 2f+1 quorums, backup 3 silent; two clients send one request each at once through a window of L = 4 " +
    "with checkpoints every K = 2: both requests hold sequence numbers of one window before either executes, and the checkpoint at n = 2 becomes stable.",
  config: {
    n: 4,
    f: 1,
    clients: 2,
    requests: 1,
    checkpointInterval: 2,
    window: 4,
    quorumRule: "2f+1",
    byzantine: [{ replica: 3, behaviours: ["silent"] }],
  },
  extraInvariants: [preparedAgreement],
  extraSometimes: [checkpointMadeStable, bothClientsPrePrepared],
  expected: {
    result: "pass",
    distinctStates: 570_508,
    maxDepth: 40,
    transitions: 4_154_256,
    sometimes: {
      "a request executed by every correct replica": 14,
      "a checkpoint made stable": 30,
      "two clients' requests pre-prepared in one window": 4,
    },
  },
});
