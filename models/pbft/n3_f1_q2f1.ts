import { definePbftModel } from "./define-pbft-model.ts";

/** Seed catalogue A11.3: Q = 2f+1 = n at n = 3f keeps safety and gives up liveness. */
export const n3_f1_q2f1 = definePbftModel({
  name: "pbft/n3_f1_q2f1",
  description:
    "n = 3 = 3f with 2f+1 = 3 = n quorums and a silent Byzantine backup: no certificate can ever form, " +
    "so the request is never executed: a termination violation, while agreement holds.",
  config: {
    n: 3,
    f: 1,
    clients: 1,
    requests: 1,
    checkpointInterval: 1,
    window: 1,
    quorumRule: "2f+1",
    byzantine: [{ replica: 2, behaviours: ["silent"] }],
  },
  // Re-pinned on the runtime (was 5 states, depth 4): the silent replica is an actor that receives
  // the PRE-PREPARE (a delivery step), the client's REQUEST is a message to the primary.
  expected: { result: "violation", property: "termination", distinctStates: 8, maxDepth: 5 },
});
