import { definePaxosModel, defineSeedPaxosModel } from "./define-paxos-model.ts";

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
  definePaxosModel(
    "paxos/p2_a3_dup",
    "p2_a3 on a duplicating network: every sent message stays deliverable for ever (PROMISEs and ACCEPTEDs counted again, ACCEPTs voted again), reordered at will; one proposer may crash, also mid-multicast.",
    { proposers: 2, acceptors: 3, crashes: 1, network: { duplication: "persistent", loss: false } },
    { result: "pass", distinctStates: 72_207, maxDepth: 21, transitions: 1_185_917, sometimes: { "a value chosen": 7, "a proposer returned": 9, "a proposer crashed part-way through a multicast": 1 } },
  ),
  definePaxosModel(
    "paxos/p2_a2_lossy",
    "2 proposers, 2 acceptors on a lossy network (any message may be dropped), one proposer may crash, also mid-multicast. With 3 acceptors loss alone gives 1,509,341 states (spec/paxos/README.md), too many for the manifest.",
    { proposers: 2, acceptors: 2, crashes: 1, network: { duplication: "none", loss: true } },
    { result: "pass", distinctStates: 5_373, maxDepth: 19, transitions: 20_642, sometimes: { "a value chosen": 7, "a proposer returned": 9, "a proposer crashed part-way through a multicast": 1 } },
  ),
  defineSeedPaxosModel(
    "paxos/seed_p2_a3_grant_all",
    "The seed's paxosPropose (seed-paxos), reading R1: promise() grants every request, accept() overwrites. 2 proposers, 3 acceptors, reliable network, one proposer may crash mid-multicast.",
    { proposers: 2, acceptors: 3, reading: "grant-all", crashes: 1 },
    { result: "violation", property: "PX3 returned value chosen", distinctStates: 182, maxDepth: 5 },
  ),
  defineSeedPaxosModel(
    "paxos/seed_p2_a3_first_come",
    "The seed's paxosPropose (seed-paxos), reading R2: promise() grants only the first value asked, accept() overwrites. 2 proposers, 3 acceptors, reliable network, one proposer may crash mid-multicast.",
    { proposers: 2, acceptors: 3, reading: "first-come", crashes: 1 },
    { result: "violation", property: "PX3 returned value chosen", distinctStates: 211, maxDepth: 5 },
  ),
];
export { paxosProtocol, paxosConfigSchema, type PaxosConfig } from "./paxos-protocol.ts";
export { seedPaxosProtocol, seedPaxosConfigSchema, type SeedPaxosConfig } from "./seed-paxos-protocol.ts";
