import type { RuntimeView } from "../../impl/runtime/index.ts";
import type { ClientContext } from "../../spec/pbft/client-machine.ts";
import type { ReplicaContext } from "../../spec/pbft/replica-context.ts";

/**
 * What the PBFT properties read of a global state: the correct replicas' contexts (a Byzantine
 * replica runs another role's machine, and the runtime says which actors are correct) and the
 * clients'.
 */
export function correctReplicaContexts(view: RuntimeView): ReplicaContext[] {
  return view
    .role("replica")
    .filter((actor) => actor.correct)
    .map((actor) => actor.context as ReplicaContext);
}

export function clientContexts(view: RuntimeView): ClientContext[] {
  return view.role("client").map((actor) => actor.context as ClientContext);
}
