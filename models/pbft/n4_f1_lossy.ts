import { definePbftModel } from "./define-pbft-model.ts";
import { preparedAgreement } from "../../properties/pbft/prepared-agreement.ts";
import { clientStrandedByLoss, messageDuplicated } from "../../properties/pbft/network-faults.ts";

/** Seed catalogue A18: the normal case on a network that loses and duplicates messages — safe. */
export const n4_f1_lossy = definePbftModel({
  name: "pbft/n4_f1_lossy",
  description:
    "n = 4, f = 1, 2f+1 quorums, backup 3 silent; one client sends one request over a network that may drop any message in flight " +
    "and copy up to 2 of them: agreement, validity, integrity, total order and client safety must hold. " +
    "Termination is not checked: no client retransmits and no timer fires in the normal case, so one lost REQUEST strands the client.",
  config: {
    n: 4,
    f: 1,
    clients: 1,
    requests: 1,
    checkpointInterval: 2,
    window: 1,
    quorumRule: "2f+1",
    byzantine: [{ replica: 3, behaviours: ["silent"] }],
    network: { drop: true, duplicate: true },
    checkTermination: false,
  },
  extraInvariants: [preparedAgreement],
  // A request still gets through every correct replica, a loss leaves a client waiting for ever,
  // and a message is copied (either copy may then be delivered first). With K = 1 the checkpoint
  // messages make it 4,309,804 states (91 s): too many for the manifest, so no checkpoint here.
  extraSometimes: [clientStrandedByLoss, messageDuplicated],
  expected: {
    result: "pass",
    distinctStates: 303_133,
    maxDepth: 20,
    transitions: 2_254_555,
    sometimes: {
      "a request executed by every correct replica": 14,
      "a client waiting with nothing in flight (a message lost)": 2,
      "a message in flight in two copies (duplicated)": 2,
    },
  },
});
