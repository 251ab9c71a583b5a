import type { Invariant } from "../../explorer/transition-system.ts";
import type { ClusterState } from "../../impl/cluster/cluster-state.ts";
import { correctReplicaContexts } from "../../impl/cluster/cluster-state.ts";

/**
 * VALID for SMR (seed catalogue A9): every request a correct replica executes was sent by a
 * client — same client, timestamp and operation. No replica creates requests.
 */
export function validityHolds(state: ClusterState): boolean {
  const sent = new Set(state.clients.flatMap((client) => client.state.context.sent.map((r) => `${r.client}/${r.timestamp}/${r.op}`)));
  return correctReplicaContexts(state).every((context) =>
    context.executed.every((entry) => sent.has(`${entry.client}/${entry.timestamp}/${entry.op}`)),
  );
}

export const validity: Invariant<ClusterState> = { name: "validity", holds: validityHolds };
