import type { RuntimeView } from "../../impl/runtime/index.ts";
import type { ClientContext } from "../../spec/pbft/client-machine.ts";
import type { ReplicaContext } from "../../spec/pbft/replica-context.ts";

/**
 * What the PBFT properties read of a global state: the correct replicas' contexts (a Byzantine
 * replica runs another role's machine, and the runtime says which actors are correct) and the
 * clients'.
 */
export function correctReplicaContexts(view: RuntimeView): ReplicaContext[] {
  return view.actors.filter((actor) => isReplicaRole(actor.role) && actor.correct).map((actor) => actor.context as ReplicaContext);
}

/**
 * The role of the replicas a view-change config lets crash (models/pbft/pbft-protocol.ts): the
 * correct replica's machine under a role of its own, since the runtime picks crashable actors by role.
 */
export const CRASHABLE_REPLICA_ROLE = "crashableReplica";

const REPLICA_ROLES = new Set(["replica", CRASHABLE_REPLICA_ROLE]);

/** The role of the Byzantine replicas (models/pbft/pbft-protocol.ts): the adversary's machine. */
export const BYZANTINE_REPLICA_ROLE = "byzantineReplica";

/** Whether an actor's role is a correct replica's, crashable or not (a Byzantine replica's role is neither). */
export const isReplicaRole = (role: string): boolean => REPLICA_ROLES.has(role);

export function clientContexts(view: RuntimeView): ClientContext[] {
  return view.role("client").map((actor) => actor.context as ClientContext);
}
