import type { RuntimeInvariant } from "../../impl/runtime/index.ts";
import type { ReplicaContext } from "../../spec/pbft/replica-context.ts";
import { BYZANTINE_REPLICA_ROLE, isReplicaRole } from "./reading.ts";

/**
 * Seed catalogue B10 (partition attack): a split that matters is one that cuts a replica off
 * from every quorum while it needs one — here while it is changing views (§4.4: it cannot
 * gather 2f+1 VIEW-CHANGEs, nor its new primary a NEW-VIEW). A model whose network may split
 * must reach such a state, else its partitions never delayed the view change they exist to test.
 */
export function viewChangeCutOffFromQuorum(quorum: number): RuntimeInvariant {
  return {
    name: "a replica changing views cut off from a quorum by a partition",
    holds: (view) => {
      const sides = view.split;
      if (sides === undefined) return false;
      // Byzantine replicas count towards a side's quorum too: they may vote with it.
      const replicas = view.actors.filter((actor) => isReplicaRole(actor.role) || actor.role === BYZANTINE_REPLICA_ROLE);
      return replicas.some((actor) => {
        if (!actor.correct || !isReplicaRole(actor.role)) return false;
        const context = actor.context as ReplicaContext;
        if (context.view <= context.installedView) return false;
        const side = sides.find((names) => names.includes(actor.name)) ?? [];
        return replicas.filter((replica) => side.includes(replica.name)).length < quorum;
      });
    },
  };
}
