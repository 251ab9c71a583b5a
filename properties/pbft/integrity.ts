import type { Invariant } from "../../explorer/transition-system.ts";
import type { ClusterState } from "../../impl/cluster/cluster-state.ts";
import { correctReplicaContexts } from "../../impl/cluster/cluster-state.ts";

/**
 * ONCE (seed catalogue A17): a correct replica executes each client request (client,
 * timestamp) at most once, under duplication, replay and more than a quorum of messages.
 */
export function integrityHolds(state: ClusterState): boolean {
  return correctReplicaContexts(state).every((context) => {
    const executed = context.executed.filter((entry) => entry.result !== null).map((entry) => `${entry.client}/${entry.timestamp}`);
    return new Set(executed).size === executed.length;
  });
}

export const integrity: Invariant<ClusterState> = { name: "integrity", holds: integrityHolds };
