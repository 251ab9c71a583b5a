import { definePbftModel } from "./define-pbft-model.ts";
import { preparedAgreement } from "../../properties/pbft/prepared-agreement.ts";

/** Seed catalogue A11.3 / A18: n = 3f+1 with one Byzantine backup — safe and live. */
export const n4_f1 = definePbftModel({
  name: "pbft/n4_f1",
  description:
    "n = 4, f = 1, 2f+1 quorums; backup 3 is Byzantine and sends conflicting PREPARE/COMMIT votes (one forgery per run, any digest a client sent) " +
    "while one client sends 2 requests through a window of L = 1 with checkpoints every K = 1, so the second request waits for a stable checkpoint.",
  config: {
    n: 4,
    f: 1,
    clients: 1,
    requests: 2,
    checkpointInterval: 1,
    window: 1,
    quorumRule: "2f+1",
    forgeryBudget: 1,
    byzantine: [{ replica: 3, behaviours: ["conflicting-votes"] }],
  },
  extraInvariants: [preparedAgreement],
  expected: { result: "pass", distinctStates: 46191, maxDepth: 45, transitions: 205554 },
});
