import type { ClusterState } from "../../impl/cluster/cluster-state.ts";
import type { ExecutedEntry } from "../../spec/pbft/replica-context.ts";
import { requestDigest } from "../../spec/common/digest.ts";
import { cluster } from "./cluster-fixtures.ts";

/** An executed-log entry for client 0's request with timestamp t, run at `seq`. */
export function entry(seq: number, timestamp = seq, client = 0): ExecutedEntry {
  const op = `op${client}.${timestamp}`;
  return { seq, digest: requestDigest({ type: "REQUEST", client, timestamp, op }), client, timestamp, op, result: `${op}:${seq}` };
}

/** A four-replica cluster state in which client 0 sent `sent` requests and replicas hold the given histories. */
export function stateWith(histories: (ExecutedEntry[] | null)[], sent = 2, accepted = sent): ClusterState {
  const base = cluster({ requests: 2 }).initial();
  const replicas = base.replicas.map((replica, id) => {
    const history = histories[id];
    if (history === null) return null;
    if (history === undefined) return replica;
    return { ...replica!, state: { ...replica!.state, context: { ...replica!.state.context, executed: history } } };
  });
  const client = base.clients[0]!;
  const requests = Array.from({ length: sent }, (_, index) => ({ type: "REQUEST" as const, client: 0, timestamp: index + 1, op: `op0.${index + 1}` }));
  const results = requests.slice(0, accepted).map((request) => ({ timestamp: request.timestamp, result: `${request.op}:${request.timestamp}` }));
  const clients = [{ ...client, state: { ...client.state, context: { ...client.state.context, sent: requests, accepted: results } } }];
  return { ...base, replicas, clients };
}
