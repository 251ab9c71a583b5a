import type { Invariant } from "../../explorer/transition-system.ts";
import type { ClusterState } from "../../impl/cluster/cluster-state.ts";
import { correctReplicaContexts } from "../../impl/cluster/cluster-state.ts";

/**
 * ORDER (seed catalogue A17): each correct replica executes 1, 2, 3, … with no gap and no
 * repeat, and the executed logs of correct replicas are prefixes of one another.
 */
export function totalOrderHolds(state: ClusterState): boolean {
  const logs = correctReplicaContexts(state).map((context) => context.executed);
  if (!logs.every((log) => log.every((entry, index) => entry.seq === index + 1))) return false;
  const longest = logs.reduce((a, b) => (b.length > a.length ? b : a), []);
  return logs.every((log) => log.every((entry, index) => entry.digest === longest[index]!.digest));
}

export const totalOrder: Invariant<ClusterState> = { name: "total order", holds: totalOrderHolds };
