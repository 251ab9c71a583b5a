import type { Invariant } from "../../explorer/transition-system.ts";
import { hasForged } from "../../impl/adversary/byzantine-actions.ts";
import type { ClusterState } from "../../impl/cluster/cluster-state.ts";
import { correctReplicaContexts } from "../../impl/cluster/cluster-state.ts";
import type { PbftConfig } from "../../spec/common/pbft-config.ts";

/**
 * What a PBFT model expected to pass must be able to reach (Stateright's `Property::sometimes`),
 * so that its pass is not vacuous: agreement holds trivially in a model where nothing commits,
 * and a Byzantine behaviour whose forgery never arrives tests nothing.
 */

/** The normal case completes somewhere: one request is in every correct replica's history (§4.2). */
export const requestExecutedEverywhere: Invariant<ClusterState> = {
  name: "a request executed by every correct replica",
  holds(state) {
    const [first, ...others] = correctReplicaContexts(state);
    if (first === undefined) return false;
    return first.executed.some(({ client, timestamp }) => others.every((context) => context.executed.some((entry) => entry.client === client && entry.timestamp === timestamp)));
  },
};

/** Garbage collection runs (§4.3): some correct replica moved its low watermark h to a stable checkpoint. */
export const checkpointMadeStable: Invariant<ClusterState> = {
  name: "a checkpoint made stable",
  holds: (state) => correctReplicaContexts(state).some((context) => context.lowWatermark > 0),
};

/**
 * One per Byzantine replica and behaviour it is configured with ("silent" sends nothing): a
 * forgery of that behaviour was delivered, to a correct replica or, for a forged REPLY, to a
 * client. The adversary's memory records each forgery made, and each is received as it is made.
 */
export function forgeriesDelivered(config: PbftConfig): Invariant<ClusterState>[] {
  return config.byzantine.flatMap(({ replica, behaviours }) =>
    behaviours
      .filter((behaviour) => behaviour !== "silent")
      .map((behaviour) => ({
        name: `Byzantine replica ${replica}'s ${behaviour} forgery delivered to ${behaviour === "forge-reply" ? "a client" : "a correct replica"}`,
        holds: (state: ClusterState) => hasForged(state.adversary, replica, behaviour as Exclude<typeof behaviour, "silent">),
      })),
  );
}
