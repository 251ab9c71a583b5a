import { definePbftModel } from "./define-pbft-model.ts";
import type { PbftConfigInput } from "../../spec/pbft/config.ts";
import { preparedAgreement } from "../../properties/pbft/prepared-agreement.ts";
import { checkpointMadeStable } from "../../properties/pbft/reachable.ts";
import { clientStrandedByLoss } from "../../properties/pbft/network-faults.ts";
import { caughtUpByStateTransfer } from "../../properties/pbft/state-transfer.ts";

/**
 * State transfer (Castro & Liskov OSDI §4.3 last paragraph, TOCS §6.2): a replica that learns a
 * checkpoint is stable before it has executed up to it fetches the state instead of waiting for
 * messages the others have discarded or the network lost, and takes it only if its digest is the
 * checkpoint's. f = 0, so that one CHECKPOINT makes a checkpoint stable: at n = 4, f = 1 a lagging
 * correct replica needs three correct voters besides itself, and four correct replicas with one
 * request exceed 1.5 million states at depth 16 (measured), beyond `npm test`. R2 is Byzantine
 * beyond the budget f = 0 on purpose, and does one thing: it answers a FETCH with a forged state
 * (`forge-state`), which only the fetcher's digest check stands between.
 */
export const stateTransferConfig: PbftConfigInput = {
  n: 3,
  f: 0,
  clients: 1,
  requests: 2,
  // A checkpoint after every request, and a window of one: the second request waits for the first's checkpoint.
  checkpointInterval: 1,
  window: 1,
  quorumRule: "2f+1",
  byzantine: [{ replica: 2, behaviours: ["forge-state"] }],
  exceedFaultBudget: true,
  forgeryBudget: 1,
};

export const n3_f0_state_transfer = definePbftModel({
  name: "pbft/n3_f0_state_transfer",
  description:
    "n = 3, f = 0 (a checkpoint stable on one CHECKPOINT), one client sends 2 requests through a window of L = 1 with checkpoints every K = 1; " +
    "a replica that receives the primary's CHECKPOINT before the request's PRE-PREPARE fetches the state, and R2, Byzantine beyond the budget, answers FETCHes with a forged state: " +
    "the digest check refuses it, a correct replica's STATE is adopted, and every run ends with both requests accepted.",
  config: stateTransferConfig,
  extraInvariants: [preparedAgreement],
  extraSometimes: [checkpointMadeStable, caughtUpByStateTransfer],
  // The catch-up in 5 steps: the request reaches R0, which executes it and multicasts CHECKPOINT n1;
  // R1 gets it before the PRE-PREPARE, fetches, and adopts R0's STATE. 2,256 states, under a second.
  expected: {
    result: "pass",
    distinctStates: 2_256,
    maxDepth: 16,
    transitions: 11_360,
    sometimes: {
      "a request executed by every correct replica": 3,
      "Byzantine R2's forge-state forgery delivered to a correct replica": 4,
      "a checkpoint made stable": 2,
      "a replica caught up by state transfer": 5,
    },
  },
});

/** The same on a network that loses messages: a replica whose PRE-PREPARE was lost catches up only by state transfer. */
export const n3_f0_state_transfer_lossy = definePbftModel({
  name: "pbft/n3_f0_state_transfer_lossy",
  description:
    "pbft/n3_f0_state_transfer on a network that may drop any message in flight: a replica that lost the messages of a slot the primary made stable catches up by fetching its state. " +
    "Termination is not checked (no retransmission: a lost REQUEST strands the client).",
  config: { ...stateTransferConfig, network: { drop: true }, checkTermination: false },
  extraInvariants: [preparedAgreement],
  extraSometimes: [checkpointMadeStable, caughtUpByStateTransfer, clientStrandedByLoss],
  // 103,511 states in about 2 s.
  expected: {
    result: "pass",
    distinctStates: 103_511,
    maxDepth: 17,
    transitions: 830_849,
    sometimes: {
      "a request executed by every correct replica": 3,
      "Byzantine R2's forge-state forgery delivered to a correct replica": 4,
      "a checkpoint made stable": 2,
      "a replica caught up by state transfer": 5,
      "a client waiting with nothing in flight (a message lost)": 2,
    },
  },
});

/**
 * Mutant: the fetcher adopts the first STATE for its checkpoint's seq without checking its digest,
 * and the Byzantine R2's forged state (null requests only) becomes a correct replica's history.
 */
export const n3_f0_unchecked_state_transfer = definePbftModel({
  name: "pbft/n3_f0_unchecked_state_transfer",
  description:
    "Mutant of pbft/n3_f0_state_transfer: a replica adopts a fetched state without checking it against the stable checkpoint's digest. " +
    "R2 answers the lagging replica's FETCH with a history of null requests, which it adopts: it has executed another request at n = 1 than the primary.",
  config: { ...stateTransferConfig, requests: 1, stateTransferBug: "unchecked-state-transfer" },
  // In 5 steps: the request sent and delivered to R0 (which executes and checkpoints it), its CHECKPOINT n1 to R1, R1's FETCH to R2, R2's forged STATE to R1, adopted.
  expected: { result: "violation", property: "agreement", distinctStates: 31, maxDepth: 5 },
});
