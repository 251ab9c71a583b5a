import type { RuntimeInvariant } from "../../impl/runtime/index.ts";
import { configWarnings, pbftConfigSchema, type PbftConfig, type PbftConfigInput } from "../../spec/pbft/config.ts";
import { defineRuntimeModel } from "../define-runtime-model.ts";
import type { Expectation, ModelDefinition } from "../model.ts";
import { pbftProtocol } from "./pbft-protocol.ts";

/** Every PBFT model runs under the same timing and authentication model. */
export const PBFT_ASSUMPTIONS =
  "Asynchronous network (any in-flight message may be delivered next; no loss or duplication unless the config enables it), " +
  "authenticated messages (signatures cannot be forged, so Byzantine replicas sign only as themselves and propose only requests they have seen clients send), " +
  "normal case only (one view, no view change); termination is the bounded form checked in terminal states.";

export interface PbftModelSpec {
  name: string;
  description: string;
  config: PbftConfigInput;
  expected: Expectation;
  /**
   * Invariants checked after the safety suite, e.g. prepared agreement (§4.2) in the models
   * expected to pass. A violation model leaves them out: its pinned property must stay the one
   * it reports, and an auxiliary invariant could fail first.
   */
  extraInvariants?: readonly RuntimeInvariant[];
  /** What the model must reach besides the protocol's own `sometimes` (e.g. a stable checkpoint). */
  extraSometimes?: readonly RuntimeInvariant[];
}

/**
 * A PBFT model: a named configuration of the protocol on the runtime (models/pbft/pbft-protocol.ts).
 * Configurations outside the fault assumptions (n < 3f+1, more than f Byzantine replicas,
 * quorum overrides) are flagged by `warnings`, which `list` and every report show next to the verdict.
 */
export function definePbftModel(spec: PbftModelSpec): ModelDefinition<PbftConfig> {
  return defineRuntimeModel(pbftProtocol, pbftConfigSchema, {
    name: spec.name,
    description: spec.description,
    assumptions: PBFT_ASSUMPTIONS,
    config: spec.config,
    expected: spec.expected,
    extraInvariants: spec.extraInvariants,
    extraSometimes: spec.extraSometimes,
    warnings: configWarnings,
  });
}
