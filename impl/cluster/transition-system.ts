import type { Invariant, TransitionSystem } from "../../explorer/transition-system.ts";
import type { ScheduleStep } from "../../spec/common/schedule.ts";
import type { PbftConfig } from "../../spec/common/pbft-config.ts";
import { createCluster } from "./cluster.ts";
import type { Cluster } from "./cluster.ts";
import type { ClusterState } from "./cluster-state.ts";
import { applyStep, enabledSteps, findEnabledStep } from "./cluster-steps.ts";
import { encodeCluster } from "./encode.ts";
import { describeClusterParticipants } from "./participants.ts";
import { describeCluster } from "./describe.ts";

export interface ClusterProperties {
  invariants: readonly Invariant<ClusterState>[];
  terminal?: Invariant<ClusterState>;
  /** What must be reachable (the explorer's `sometimes`), so that a pass is not vacuous. */
  sometimes?: readonly Invariant<ClusterState>[];
}

/**
 * The cluster as a TransitionSystem: the explorer runs the very code the reference
 * implementation runs, so the spec and the implementation cannot drift apart. Actions are
 * Schedule steps, so a counterexample is a Schedule as it stands.
 */
export function clusterTransitionSystem(
  config: PbftConfig,
  properties: ClusterProperties,
  cluster: Cluster = createCluster(config),
): TransitionSystem<ClusterState, ScheduleStep> {
  return {
    initial: () => [cluster.initial()],
    actions: (state) => enabledSteps(cluster, state),
    step: (state, action) => applyStep(cluster, state, action),
    encode: encodeCluster,
    invariants: properties.invariants,
    ...(properties.terminal === undefined ? {} : { terminal: properties.terminal }),
    ...(properties.sometimes === undefined ? {} : { sometimes: properties.sometimes }),
    toStep: (action) => action,
    fromStep: (state, step) => findEnabledStep(cluster, state, step),
    describeState: describeCluster,
    describeParticipants: describeClusterParticipants,
  };
}
