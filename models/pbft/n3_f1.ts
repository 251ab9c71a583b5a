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
  // Re-pinned on the runtime (was 425 states, depth 6): each forgery is now sent and then
  // delivered (two steps, not one), the client's REQUEST travels to the primary as a message,
  // and the Byzantine primary is an actor whose state (requests seen, forgeries made) is part of
  // the state.
  expected: { result: "violation", property: "agreement", distinctStates: 47_603, maxDepth: 12 },
});
