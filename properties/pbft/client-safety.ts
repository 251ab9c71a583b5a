import type { Invariant } from "../../explorer/transition-system.ts";
import type { ClusterState } from "../../impl/cluster/cluster-state.ts";
import { correctReplicaContexts } from "../../impl/cluster/cluster-state.ts";

/**
 * Client safety (Castro & Liskov §4.1): a client accepts a result only with f+1 replies from
 * different replicas carrying it, which "ensures that the result is valid, since at most f
 * replicas can be faulty". So every result a client accepted is the result the correct
 * replicas computed for that request, wherever a correct replica has executed it (a skipped
 * repeat, result null, is not an execution).
 */
export function clientSafetyHolds(state: ClusterState): boolean {
  const executedResults = new Map<string, string>();
  for (const context of correctReplicaContexts(state)) {
    for (const entry of context.executed) {
      if (entry.result !== null) executedResults.set(`${entry.client}/${entry.timestamp}`, entry.result);
    }
  }
  return state.clients.every(({ state: client }) =>
    client.context.accepted.every(({ timestamp, result }) => {
      const executed = executedResults.get(`${client.context.id}/${timestamp}`);
      return executed === undefined || executed === result;
    }),
  );
}

export const clientSafety: Invariant<ClusterState> = { name: "client safety", holds: clientSafetyHolds };
