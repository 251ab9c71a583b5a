import { definePbftModel } from "./define-pbft-model.ts";
import { preparedAgreement } from "../../properties/pbft/prepared-agreement.ts";
import { checkpointMadeStable } from "../../properties/pbft/reachable.ts";

/** Seed catalogue A11.3 / A18: n = 3f+1 with one Byzantine backup — safe and live. */
export const n4_f1 = definePbftModel({
  name: "pbft/n4_f1",
  description:
    "n = 4, f = 1, 2f+1 quorums; backup 3 is Byzantine and makes one forgery per run on n = 1 or 2: a PREPARE/COMMIT for any digest a client sent, " +
    "a CHECKPOINT with a wrong state digest, or a REPLY with a wrong result; " +
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
    adversarySlots: 2,
    byzantine: [{ replica: 3, behaviours: ["conflicting-votes", "forge-checkpoint", "forge-reply"] }],
  },
  extraInvariants: [preparedAgreement],
  // Besides the protocol's (a request through, each forgery in its own branch: the budget is one
  // per run), the checkpoint that lets the second request through the window.
  extraSometimes: [checkpointMadeStable],
  // Re-pinned on the runtime (was 120,378 states, depth 45, 559,333 transitions; witnesses 14,
  // 16, 2, 1, 2): a forgery is sent, then delivered (one step more each), the client's requests
  // and its replies travel as messages, backups defer PRE-PREPAREs and votes above H instead of
  // the network holding them, and the Byzantine backup is an actor that first has to see a
  // request (in a PRE-PREPARE) before it can name it.
  expected: {
    result: "pass",
    distinctStates: 279_226,
    maxDepth: 47,
    transitions: 1_416_585,
    sometimes: {
      "a request executed by every correct replica": 14,
      "a checkpoint made stable": 16,
      "Byzantine R3's conflicting-votes forgery delivered to a correct replica": 5,
      "Byzantine R3's forge-checkpoint forgery delivered to a correct replica": 2,
      "Byzantine R3's forge-reply forgery delivered to a client": 5,
    },
  },
});
