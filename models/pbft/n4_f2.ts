import { definePbftModel } from "./define-pbft-model.ts";

/** Seed catalogue A11: f = 2 at n = 4 < 3f+1 with n-f = 2 quorums. */
export const n4_f2 = definePbftModel({
  name: "pbft/n4_f2",
  description:
    "n = 4 with f = 2 (above the bound n ≥ 3f+1) and n-f = 2 quorums; the Byzantine primary equivocates and votes for both digests " +
    "(Byzantine backup 3 may vote too, but sees no request to vote for): an agreement violation.",
  config: {
    n: 4,
    f: 2,
    clients: 2,
    requests: 1,
    checkpointInterval: 1,
    window: 1,
    quorumRule: "n-f",
    byzantine: [
      { replica: 0, behaviours: ["equivocate", "conflicting-votes"] },
      { replica: 3, behaviours: ["conflicting-votes"] },
    ],
    checkTermination: false,
  },
  // Re-pinned on the runtime (was 2,268 states, depth 6): as pbft/n3_f1. Backup R3 is Byzantine
  // but inert: it sees no request (clients send to the primary, which forges only to correct
  // replicas), and a Byzantine replica names only requests it has seen. The space is n3_f1's:
  // two correct replicas, quorums of 2, R0 forging alone.
  expected: { result: "violation", property: "agreement", distinctStates: 47_603, maxDepth: 12 },
});
