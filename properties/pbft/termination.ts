import type { Invariant } from "../../explorer/transition-system.ts";
import type { ClusterState } from "../../impl/cluster/cluster-state.ts";
import { correctReplicaContexts } from "../../impl/cluster/cluster-state.ts";

/**
 * TERM, bounded form (seed catalogue A10, A13): checked in terminal states (no step enabled:
 * every message delivered or absorbed, every forgery made). It fails if some request a client
 * sent is not executed by some correct replica: the run ended without progress.
 */
export function terminationHolds(state: ClusterState): boolean {
  const sent = state.clients.flatMap((client) => client.state.context.sent);
  return correctReplicaContexts(state).every((context) =>
    sent.every((request) => context.executed.some((entry) => entry.client === request.client && entry.timestamp === request.timestamp)),
  );
}

export const termination: Invariant<ClusterState> = { name: "termination", holds: terminationHolds };
