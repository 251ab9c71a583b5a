import { defineRuntimeModel } from "../define-runtime-model.ts";
import type { Expectation, ModelDefinition } from "../model.ts";
import { paxosConfigSchema, paxosProtocol, type PaxosConfig } from "./paxos-protocol.ts";
import { seedPaxosConfigSchema, seedPaxosProtocol, type SeedPaxosConfig } from "./seed-paxos-protocol.ts";

const ASSUMPTIONS =
  "Asynchronous network (any in-flight message may be delivered next, so reordering is free), crash-stop proposers (at any step, also part-way through a multicast), acceptors that never crash, timers that may fire at any time; no Byzantine faults.";
const AMNESIA_ASSUMPTIONS =
  "Asynchronous network (any in-flight message may be delivered next, so reordering is free), proposers that never crash, one acceptor that may crash and restart from its initial state (no stable storage: it forgets its promise and votes), timers that may fire at any time; no Byzantine faults.";

/** A Paxos model: a named configuration of the Paxos protocol on the runtime, with its pins. */
export function definePaxosModel(name: string, description: string, config: Partial<PaxosConfig> & Pick<PaxosConfig, "proposers" | "acceptors">, expected: Expectation): ModelDefinition<PaxosConfig> {
  const written = { rounds: 1, network: { duplication: "none", loss: false }, crashes: 0, ...config };
  return defineRuntimeModel(paxosProtocol, paxosConfigSchema, { name, description, assumptions: config.acceptorAmnesia === true ? AMNESIA_ASSUMPTIONS : ASSUMPTIONS, config: written, expected });
}

/** A model of the seed's `paxosPropose` (seed-paxos) under one reading of `promise`/`accept`. */
export function defineSeedPaxosModel(
  name: string,
  description: string,
  config: Partial<SeedPaxosConfig> & Pick<SeedPaxosConfig, "proposers" | "acceptors" | "reading">,
  expected: Expectation,
): ModelDefinition<SeedPaxosConfig> {
  const written = { network: { duplication: "none", loss: false }, crashes: 0, ...config };
  return defineRuntimeModel(seedPaxosProtocol, seedPaxosConfigSchema, { name, description, assumptions: ASSUMPTIONS, config: written, expected });
}
