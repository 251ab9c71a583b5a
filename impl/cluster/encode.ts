import type { ClusterState } from "./cluster-state.ts";
import { messageId } from "../network/message-id.ts";

const utf8 = new TextEncoder();

/**
 * The canonical encoding of a global state (the explorer's visited-set key): the replicas' and
 * clients' keys in id order, the in-flight multiset (sorted by id, with copy counts) and the
 * adversary's memory. Equal states give equal bytes whatever order their messages arrived in.
 */
export function clusterKey(state: ClusterState): string {
  // Machine keys are canonical JSON, which never holds a raw newline, so "\n" separates them
  // unambiguously; the free-text parts (message ids, forgery keys) are JSON-quoted.
  const machines = [...state.replicas.map((replica) => (replica === null ? "null" : replica.key)), ...state.clients.map((client) => client.key)];
  const rest = JSON.stringify([
    state.network.map((entry) => (entry.copies === 1 ? entry.id : `${entry.id}*${entry.copies}`)),
    state.adversary.used,
    state.adversary.observed.map(messageId),
  ]);
  return `${machines.join("\n")}\n${rest}`;
}

export function encodeCluster(state: ClusterState): Uint8Array {
  return utf8.encode(clusterKey(state));
}
