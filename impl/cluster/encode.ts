import type { ClusterState } from "./cluster-state.ts";
import { messageId } from "../network/message-id.ts";

const utf8 = new TextEncoder();

/**
 * The canonical encoding of a global state (the explorer's visited-set key): the replicas' and
 * clients' keys in id order, the in-flight multiset (sorted by id, with copy counts) and the
 * adversary's memory. Equal states give equal bytes whatever order their messages arrived in.
 */
export function clusterKey(state: ClusterState): string {
  return JSON.stringify([
    state.replicas.map((replica) => (replica === null ? null : replica.key)),
    state.clients.map((client) => client.key),
    state.network.map((entry) => (entry.copies === 1 ? entry.id : `${entry.id}*${entry.copies}`)),
    state.adversary.used,
    state.adversary.observed.map(messageId),
  ]);
}

export function encodeCluster(state: ClusterState): Uint8Array {
  return utf8.encode(clusterKey(state));
}
