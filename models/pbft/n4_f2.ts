import { definePbftModel } from "./define-pbft-model.ts";

/** Seed catalogue A11: f = 2 at n = 4 < 3f+1 with n-f = 2 quorums. */
export const n4_f2 = definePbftModel({
  name: "pbft/n4_f2",
  description:
    "n = 4 with f = 2 (above the bound n ≥ 3f+1) and n-f = 2 quorums; the Byzantine primary equivocates and, " +
    "with Byzantine backup 3, votes for both digests: an agreement violation.",
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
  expected: { result: "violation", property: "agreement", distinctStates: 2268, maxDepth: 6 },
});
