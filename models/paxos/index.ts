import { definePaxosModel, defineSeedPaxosModel } from "./define-paxos-model.ts";

/**
 * Single-decree Paxos models (seed catalogue B7); figures pinned from `consensus-check check`.
 * Since the machines declare `isObsolete` (a PREPARE or ACCEPT below an acceptor's promise, a
 * reply to a proposer's earlier ballot or from an acceptor it counted), the runtime discards
 * such messages: p2_a3 went from 370,110 states to 77,669, no_adopt from 13,939 to 6,356,
 * p2_a3_dup from 72,207 to 70,469, p2_a2_lossy from 5,373 to 3,658, with the same verdicts and
 * witness lengths (no actor behaves differently: only dead messages left the network sooner).
 */
export const paxosModels = [
  definePaxosModel(
    "paxos/p2_a3",
    "2 proposers race for 3 acceptors, one round each; one proposer may crash, also part-way through a multicast.",
    { proposers: 2, acceptors: 3, crashes: 1 },
    {
      result: "pass",
      distinctStates: 77_669,
      maxDepth: 21,
      transitions: 339_431,
      sometimes: { "a value chosen": 7, "a proposer returned": 9, "a proposer crashed part-way through a multicast": 1 },
    },
  ),
  definePaxosModel(
    "paxos/p2_a3_no_adopt",
    "Mutant: proposers ignore the votes that promises report and propose their own value (P2c removed): a second value gets chosen.",
    { proposers: 2, acceptors: 3, ignorePromisedVotes: true },
    { result: "violation", property: "PX2 stability", distinctStates: 6_356, maxDepth: 13 },
  ),
  definePaxosModel(
    "paxos/p2_a3_dup",
    "p2_a3 on a duplicating network: every sent message stays deliverable for ever (PROMISEs and ACCEPTEDs counted again, ACCEPTs voted again), reordered at will; one proposer may crash, also mid-multicast.",
    { proposers: 2, acceptors: 3, crashes: 1, network: { duplication: "persistent", loss: false } },
    { result: "pass", distinctStates: 70_469, maxDepth: 21, transitions: 423_965, sometimes: { "a value chosen": 7, "a proposer returned": 9, "a proposer crashed part-way through a multicast": 1 } },
  ),
  definePaxosModel(
    "paxos/p2_a2_lossy",
    "2 proposers, 2 acceptors on a lossy network (any message may be dropped), one proposer may crash, also mid-multicast. With 3 acceptors loss gives 896,468 states (spec/paxos/README.md), too many for the manifest.",
    { proposers: 2, acceptors: 2, crashes: 1, network: { duplication: "none", loss: true } },
    { result: "pass", distinctStates: 3_658, maxDepth: 19, transitions: 12_462, sometimes: { "a value chosen": 7, "a proposer returned": 9, "a proposer crashed part-way through a multicast": 1 } },
  ),
  definePaxosModel(
    "paxos/p2_a3_amnesia",
    "An acceptor without stable storage: after a value is chosen, one of its acceptors crashes and restarts with nothing, so a majority no longer holds the value a proposer returned (PX3); the runtime's recovery steps (crash, then recover from the initial state).",
    { proposers: 2, acceptors: 3, acceptorAmnesia: true },
    { result: "violation", property: "PX3 returned value chosen", distinctStates: 15_352, maxDepth: 11 },
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
