import { configWarnings, pbftConfigSchema, type PbftConfig, type PbftConfigInput } from "../../spec/pbft/config.ts";
import { defineRuntimeModel, type RuntimeModelSpec } from "../define-runtime-model.ts";
import type { ModelDefinition } from "../model.ts";
import { pbftProtocol } from "./pbft-protocol.ts";
import { pbftViewChangeProtocol } from "./pbft-view-change.ts";

/** Every PBFT model without the view change runs under the same timing and authentication model. */
export const PBFT_ASSUMPTIONS =
  "Asynchronous network (any in-flight message may be delivered next; no loss or duplication unless the config enables it), " +
  "authenticated messages (signatures cannot be forged, so Byzantine replicas sign only as themselves and propose only requests they have seen clients send), " +
  "normal case only (one view, no view change); termination is the bounded form checked in terminal states.";

/** The assumptions of a PBFT model: the normal case's, or the view change's timing model and cut-off. */
export function pbftAssumptions(config: PbftConfig): string {
  const viewChange = config.viewChange;
  if (viewChange === undefined) return PBFT_ASSUMPTIONS;
  const timing =
    viewChange.time === "async"
      ? "Asynchronous network: any timer may expire at any step (no bound on delays, FLP)"
      : viewChange.timeouts === "long-enough"
        ? "Partially synchronous network (Dwork, Lynch and Stockmeyer): asynchronous until a GST step, after which no timer expires while any message to a correct actor is in flight (timeouts long enough, §4.5)"
        : `Partially synchronous network (Dwork, Lynch and Stockmeyer): asynchronous until a GST step, after which no timer expires while a message to its replica has been in flight more than Δ = ${viewChange.delta} steps`;
  return (
    `${timing}; no loss or duplication unless the config enables it; ` +
    "authenticated messages (signatures cannot be forged, so Byzantine replicas sign only as themselves and propose only requests they have seen clients send); " +
    `view change per Castro & Liskov §4.4 up to view ${viewChange.maxView} (the cut-off), state transfer from 2f+1 CHECKPOINTs or a NEW-VIEW's proof of min-s; ` +
    "liveness (every client's requests accepted) under weak fairness after GST, runs ending where a timer expires in the last view; termination in dead ends is checked only where the config asks."
  );
}

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
  const config = pbftConfigSchema.parse(spec.config);
  const protocol = config.viewChange === undefined ? pbftProtocol : pbftViewChangeProtocol;
  return defineRuntimeModel(protocol, pbftConfigSchema, { ...spec, assumptions: pbftAssumptions(config), warnings: configWarnings });
}
