import type { Invariant } from "../../explorer/transition-system.ts";
import type { ClusterState } from "../../impl/cluster/cluster-state.ts";
import type { Expectation, ModelDefinition } from "../model.ts";
import { parseInput } from "../../spec/common/input-error.ts";
import { configWarnings, pbftConfigSchema } from "../../spec/common/pbft-config.ts";
import type { PbftConfig, PbftConfigInput } from "../../spec/common/pbft-config.ts";
import { clusterTransitionSystem } from "../../impl/cluster/transition-system.ts";
import { pbftSafetyInvariants } from "../../properties/pbft/safety.ts";
import { termination } from "../../properties/pbft/termination.ts";
import { pbftCoverage } from "./pbft-coverage.ts";

/** Every PBFT model runs under the same timing and authentication model. */
export const PBFT_ASSUMPTIONS =
  "Asynchronous network (any in-flight message may be delivered next; no loss or duplication unless the config enables it), " +
  "authenticated messages (signatures cannot be forged, so Byzantine replicas sign only as themselves and propose only requests clients sent), " +
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
  extraInvariants?: readonly Invariant<ClusterState>[];
  /**
   * What the model must reach (the explorer's `sometimes`, e.g. properties/pbft/reachable.ts),
   * from the config it is built with. Every model expected to pass declares some, so that its
   * pass is not vacuous; a violation model may declare none.
   */
  sometimes?: (config: PbftConfig) => readonly Invariant<ClusterState>[];
}

/**
 * Builds the cluster TransitionSystem with the PBFT safety invariants, then `extraInvariants`
 * (and termination where configured), and the `sometimes` properties of the config.
 */
export function buildPbftSystem(config: PbftConfig, extraInvariants: readonly Invariant<ClusterState>[] = [], sometimes?: PbftModelSpec["sometimes"]) {
  const parsed = parseInput(pbftConfigSchema, config, "config");
  return clusterTransitionSystem(parsed, {
    invariants: [...pbftSafetyInvariants, ...extraInvariants],
    ...(parsed.checkTermination ? { terminal: termination } : {}),
    ...(sometimes === undefined ? {} : { sometimes: sometimes(parsed) }),
  });
}

/**
 * A PBFT model definition. Configurations outside the fault assumptions (n < 3f+1, more than
 * f Byzantine replicas, quorum overrides) are flagged by `warnings`, which `list` and every
 * report show next to the verdict.
 */
export function definePbftModel(spec: PbftModelSpec): ModelDefinition<PbftConfig> {
  const config = parseInput(pbftConfigSchema, spec.config, `model ${spec.name} config`);
  return {
    name: spec.name,
    description: spec.description,
    assumptions: PBFT_ASSUMPTIONS,
    configSchema: pbftConfigSchema,
    config,
    // The extra invariants and the `sometimes` belong to the model, not to its config: a
    // Schedule's config rebuilds the model it names with them (replay looks the model up by name).
    build: (modelConfig) => buildPbftSystem(modelConfig, spec.extraInvariants ?? [], spec.sometimes),
    covers: pbftCoverage,
    warnings: configWarnings,
    expected: spec.expected,
  };
}
