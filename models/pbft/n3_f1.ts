import { definePbftModel } from "./define-pbft-model.ts";

/** Seed catalogue A11.3: Q = n-f at n = 3f gives up safety. */
export const n3_f1 = definePbftModel({
  name: "pbft/n3_f1",
  description:
    "n = 3 = 3f with n-f = 2 quorums; the Byzantine primary equivocates and votes COMMIT for both digests, " +
    "so the two correct backups commit different requests at n = 1: an agreement violation.",
  config: {
    n: 3,
    f: 1,
    clients: 2,
    requests: 1,
    checkpointInterval: 1,
    window: 1,
    quorumRule: "n-f",
    byzantine: [{ replica: 0, behaviours: ["equivocate", "conflicting-votes"] }],
    checkTermination: false,
  },
  expected: { result: "violation", property: "agreement", distinctStates: 425, maxDepth: 6 },
});
