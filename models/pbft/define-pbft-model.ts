import { configWarnings, pbftConfigSchema, type PbftConfig, type PbftConfigInput } from "../../spec/pbft/config.ts";
import { defineRuntimeModel, type RuntimeModelSpec } from "../define-runtime-model.ts";
import type { ModelDefinition } from "../model.ts";
import { pbftProtocol } from "./pbft-protocol.ts";

/** Every PBFT model runs under the same timing and authentication model. */
export const PBFT_ASSUMPTIONS =
  "Asynchronous network (any in-flight message may be delivered next; no loss or duplication unless the config enables it), " +
  "authenticated messages (signatures cannot be forged, so Byzantine replicas sign only as themselves and propose only requests they have seen clients send), " +
  "normal case only (one view, no view change); termination is the bounded form checked in terminal states.";

/**
 * A PBFT model's spec: a runtime model's (name, description, pins, extra invariants and
 * `sometimes`), with a PBFT config as written; the assumptions and warnings are PBFT's own.
 */
export type PbftModelSpec = Omit<RuntimeModelSpec<PbftConfig>, "assumptions" | "config" | "warnings"> & { config: PbftConfigInput };

/**
 * A PBFT model: a named configuration of the protocol on the runtime (models/pbft/pbft-protocol.ts).
 * Configurations outside the fault assumptions (n < 3f+1, more than f Byzantine replicas,
 * quorum overrides) are flagged by `warnings`, which `list` and every report show next to the verdict.
 */
export function definePbftModel(spec: PbftModelSpec): ModelDefinition<PbftConfig> {
  return defineRuntimeModel(pbftProtocol, pbftConfigSchema, { ...spec, assumptions: PBFT_ASSUMPTIONS, warnings: configWarnings });
}
