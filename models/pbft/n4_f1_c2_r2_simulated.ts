import { definePbftModel } from "./define-pbft-model.ts";
import { preparedAgreement } from "../../properties/pbft/prepared-agreement.ts";
import { bothClientsPrePrepared, threeRequestsPrePrepared } from "../../properties/pbft/concurrent-requests.ts";
import { checkpointMadeStable } from "../../properties/pbft/reachable.ts";

/**
 * Seed catalogue A18 at its full size — K = 2, L = 4, two clients with two requests each, so
 * that three requests hold sequence numbers of one window at once — with a Byzantine backup
 * that votes for any digest and forges checkpoints and replies, on a network that duplicates.
 * Exhaustively this is beyond reach (one request less and no adversary already exceeds 20.7
 * million states after 600 s: spec/pbft/README.md), so the model is a seeded simulation
 * (TLC's `-simulate`): every invariant after every step of 1,000 random runs, the runs and
 * their figures pinned; n4_f1_c2_l4 is its exhaustive, smaller neighbour.
 */
export const n4_f1_c2_r2_simulated = definePbftModel({
  name: "pbft/n4_f1_c2_r2_simulated",
  profile: "full",
  description:
    "n = 4, f = 1, 2f+1 quorums, K = 2, L = 4; two clients send two requests each, three of them in one window at once at a lagging replica; Byzantine backup R3 votes for any digest " +
    "and forges CHECKPOINTs and REPLYs on sequence numbers 1–3 (at most 4 forgeries); the network may duplicate. A seeded simulation of 1,000 runs, not an exhaustive check.",
  config: {
    n: 4,
    f: 1,
    clients: 2,
    requests: 2,
    checkpointInterval: 2,
    window: 4,
    quorumRule: "2f+1",
    byzantine: [{ replica: 3, behaviours: ["conflicting-votes", "forge-checkpoint", "forge-reply"] }],
    adversarySlots: 3,
    forgeryBudget: 4,
    network: { drop: false, duplicate: true },
  },
  simulation: { walks: 1_000, maxSteps: 400, seed: 20_261_201 },
  extraInvariants: [preparedAgreement],
  extraSometimes: [checkpointMadeStable, bothClientsPrePrepared, threeRequestsPrePrepared],
  // Of the simulation: states met, the longest run (every run ends in a terminal state, all accepted), steps taken, first witnesses.
  expected: {
    result: "pass",
    distinctStates: 83_084,
    maxDepth: 89,
    transitions: 87_398,
    sometimes: {
      "a request executed by every correct replica": 14,
      "Byzantine R3's conflicting-votes forgery delivered to a correct replica": 5,
      "Byzantine R3's forge-checkpoint forgery delivered to a correct replica": 2,
      "Byzantine R3's forge-reply forgery delivered to a client": 5,
      "a checkpoint made stable": 30,
      "two clients' requests pre-prepared in one window": 4,
      "three requests pre-prepared in one window": 20,
    },
  },
});
