import type { Invariant } from "../../explorer/transition-system.ts";
import type { ClusterState } from "../../impl/cluster/cluster-state.ts";
import { correctReplicaContexts } from "../../impl/cluster/cluster-state.ts";

/**
 * TERM, bounded form (seed catalogue A10, A13): checked in terminal states (no step enabled:
 * every message delivered or absorbed, every forgery made). It fails if some request a client
 * sent is not executed by some correct replica, or if some client has not accepted a result
 * for every request it was to send (§4.1: f+1 matching replies): the run ended without progress.
 */
export function terminationHolds(state: ClusterState): boolean {
  const clientsDone = state.clients.every(({ state: client }) => client.context.accepted.length === client.context.requests);
  if (!clientsDone) return false;
  const sent = state.clients.flatMap((client) => client.state.context.sent);
  return correctReplicaContexts(state).every((context) =>
    sent.every((request) => context.executed.some((entry) => entry.client === request.client && entry.timestamp === request.timestamp)),
  );
}

export const termination: Invariant<ClusterState> = { name: "termination", holds: terminationHolds };
