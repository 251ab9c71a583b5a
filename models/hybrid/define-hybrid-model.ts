import { defineRuntimeModel } from "../define-runtime-model.ts";
import type { Expectation, ModelDefinition, ModelSimulation } from "../model.ts";
import { hybridConfigSchema, hybridProtocol, type HybridConfig } from "./hybrid-protocol.ts";
import type { HybridConfigInput } from "../../spec/hybrid/reference/config.ts";

const ASSUMPTIONS =
  "Asynchronous network (any in-flight message may be delivered next: reordering is free, no loss, no duplication), authenticated votes and PoS blocks (a Byzantine node signs only as itself), PoW with a tiny difficulty; Byzantine nodes act within their budgets. Probabilistic finality (γ = 0) is judged as a bounded protocol, not as a probability: an exhaustive run lets any miner win any race.";
const PARTIAL_SYNC =
  "Partially synchronous network (a GST step, then every message from a correct node is delivered, weak fairness of deliveries and proposals), authenticated votes and PoS blocks, PoW with a tiny difficulty; no Byzantine faults.";

export interface HybridModelSpec {
  name: string;
  description: string;
  config: HybridConfigInput;
  expected: Expectation;
  profile?: "full";
  /** A seeded simulation that `check` runs instead of BFS, where exhaustive is beyond reach. */
  simulation?: ModelSimulation;
}

/** A model of the reference hybrid protocol: a named configuration with its pins. */
export function defineHybridModel(spec: HybridModelSpec): ModelDefinition<HybridConfig> {
  return defineRuntimeModel(hybridProtocol, hybridConfigSchema, {
    name: spec.name,
    description: spec.description,
    assumptions: spec.config.time === "partial-sync" ? PARTIAL_SYNC : ASSUMPTIONS,
    config: spec.config,
    expected: spec.expected,
    ...(spec.profile === undefined ? {} : { profile: spec.profile }),
    ...(spec.simulation === undefined ? {} : { simulation: spec.simulation }),
  });
}
