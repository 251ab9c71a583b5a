import { definePaxosModel } from "./define-paxos-model.ts";

/** Single-decree Paxos models (seed catalogue B7); figures pinned from `consensus-check check`. */
export const paxosModels = [
  definePaxosModel(
    "paxos/p2_a3",
    "2 proposers race for 3 acceptors, one round each; one proposer may crash, also part-way through a multicast.",
    { proposers: 2, acceptors: 3, crashes: 1 },
    {
      result: "pass",
      distinctStates: 370_110,
      maxDepth: 23,
      transitions: 1_825_122,
      sometimes: { "a value chosen": 7, "a proposer returned": 9, "a proposer crashed part-way through a multicast": 1 },
    },
  ),
  definePaxosModel(
    "paxos/p2_a3_no_adopt",
    "Mutant: proposers ignore the votes that promises report and propose their own value (P2c removed): a second value gets chosen.",
    { proposers: 2, acceptors: 3, ignorePromisedVotes: true },
    { result: "violation", property: "PX2 stability", distinctStates: 13_939, maxDepth: 13 },
  ),
];
export { paxosProtocol, paxosConfigSchema, type PaxosConfig } from "./paxos-protocol.ts";
