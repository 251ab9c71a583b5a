import type { ClientState } from "../../spec/pbft/client-machine.ts";
import type { ReplicaContext } from "../../spec/pbft/replica-context.ts";
import type { ReplicaState } from "../../spec/pbft/replica-state.ts";
import type { AdversaryState } from "../adversary/adversary-state.ts";
import type { NetworkState } from "../network/network.ts";

/** A machine snapshot with its canonical key, computed once when the snapshot is made. */
export interface Keyed<S> {
  state: S;
  key: string;
}

/**
 * One global state of the cluster: the correct replicas' machine snapshots (null for a
 * Byzantine replica, whose state the adversary owns), the clients, the messages in flight
 * and the adversary's memory.
 */
export interface ClusterState {
  replicas: readonly (Keyed<ReplicaState> | null)[];
  clients: readonly Keyed<ClientState>[];
  network: NetworkState;
  adversary: AdversaryState;
}

/** The contexts of the correct replicas, with their ids. */
export function correctReplicaContexts(state: ClusterState): ReplicaContext[] {
  return state.replicas.flatMap((replica) => (replica === null ? [] : [replica.state.context]));
}
