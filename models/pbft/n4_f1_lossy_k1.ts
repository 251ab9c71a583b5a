import { definePbftModel } from "./define-pbft-model.ts";
import { n4_f1_lossy } from "./n4_f1_lossy.ts";
import { preparedAgreement } from "../../properties/pbft/prepared-agreement.ts";
import { clientStrandedByLoss, messageDuplicated } from "../../properties/pbft/network-faults.ts";
import { checkpointMadeStable } from "../../properties/pbft/reachable.ts";

/**
 * pbft/n4_f1_lossy with a checkpoint after every request (K = 1): the CHECKPOINT messages too may
 * be lost or copied, and one becomes stable all the same. Fourteen times the states of its
 * sibling, a minute or two: the full profile (`npm start`), not the manifest of `npm test`.
 */
export const n4_f1_lossy_k1 = definePbftModel({
  name: "pbft/n4_f1_lossy_k1",
  description:
    "pbft/n4_f1_lossy with checkpoints every K = 1: the CHECKPOINTs too may be dropped or copied, and a checkpoint still becomes stable where they arrive. " +
    "Termination is not checked (no retransmission: a loss strands the client).",
  config: { ...n4_f1_lossy.config, checkpointInterval: 1 },
  profile: "full",
  extraInvariants: [preparedAgreement],
  extraSometimes: [checkpointMadeStable, clientStrandedByLoss, messageDuplicated],
  expected: {
    result: "pass",
    distinctStates: 4_309_804,
    maxDepth: 26,
    transitions: 38_885_423,
    sometimes: {
      "a request executed by every correct replica": 14,
      "a checkpoint made stable": 16,
      "a client waiting with nothing in flight (a message lost)": 2,
      "a message in flight in two copies (duplicated)": 2,
    },
  },
});
