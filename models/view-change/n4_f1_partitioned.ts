import { definePbftModel } from "../pbft/define-pbft-model.ts";
import { preparedAgreement } from "../../properties/pbft/prepared-agreement.ts";
import { viewChangeCutOffFromQuorum } from "../../properties/pbft/partitions.ts";
import { crashedPrimaryConfig } from "./n4_f1_crashed_primary.ts";

/**
 * Seed catalogue B10 and B14 (partition attack and recovery): the crashed-primary cluster on a
 * network that may cut off R1 — the primary of view 1 — or R3 before GST, as often as the
 * adversary likes, and heals by GST. While split, neither side holds 2f+1 correct replicas
 * (R0 is silent), so the view change stalls: no NEW-VIEW, no commit. After the heal and GST,
 * every request is accepted within the bound — the split only delays the view change.
 */
export const n4_f1_partitioned = definePbftModel({
  name: "view-change/n4_f1_partitioned",
  description:
    "n4_f1_crashed_primary on a network that may cut off R1 (view 1's primary) or R3 before GST and heals by it: safe across views while split, the view change stalled on the side without a quorum, " +
    "and after GST every request accepted.",
  config: { ...crashedPrimaryConfig, network: { drop: false, duplicate: false, partitions: [[1], [3]] } },
  extraInvariants: [preparedAgreement],
  extraSometimes: [viewChangeCutOffFromQuorum(3)],
  // The crashed-primary model's 53,366 states, each with the network healed or split (partitions end at GST); the bound after GST is its 30.
  expected: {
    result: "pass",
    distinctStates: 106_732,
    maxDepth: 32,
    transitions: 721_311,
    sometimes: {
      "a request executed by every correct replica": 23,
      "a view change completed": 8,
      "a request executed in a view ≥ 1": 19,
      "a replica changing views cut off from a quorum by a partition": 5,
    },
    liveness: { "every client's requests accepted": { verdict: "holds", bound: 30 } },
  },
});
