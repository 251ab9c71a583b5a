import { primaryOf } from "../../spec/common/ids.ts";
import { requestDigest } from "../../spec/common/digest.ts";
import type { Request } from "../../spec/common/messages.ts";
import type { PbftConfig } from "../../spec/common/pbft-config.ts";
import { initialClientState } from "../../spec/pbft/client-machine.ts";
import type { ClientOutput } from "../../spec/pbft/client-machine.ts";
import type { ReplicaOutput } from "../../spec/pbft/replica-context.ts";
import { initialReplicaState } from "../../spec/pbft/replica-state.ts";
import { initialAdversaryState, observe } from "../adversary/adversary-state.ts";
import { assertFaultBudget } from "../adversary/fault-budget.ts";
import { clientEndpoint, replicaEndpoint, replicaOfEndpoint, clientOfEndpoint } from "../network/envelope.ts";
import type { Envelope } from "../network/envelope.ts";
import { discardWhere, emptyNetwork, send, take } from "../network/network.ts";
import type { ClusterState } from "./cluster-state.ts";
import { isIgnoredForever } from "./absorb.ts";
import { certificateSizes } from "./certificates.ts";
import { createStepCache } from "./step-cache.ts";
import type { StepCache } from "./step-cache.ts";

/** The operation a client sends as its t-th request; fixed, so that runs are reproducible. */
export function operationOf(client: number, timestamp: number): string {
  return `op${client}.${timestamp}`;
}

/** Every request the configured clients can send (their digests name the state keys). */
export function possibleRequests(config: PbftConfig): Request[] {
  const requests: Request[] = [];
  for (let client = 0; client < config.clients; client++) {
    for (let timestamp = 1; timestamp <= config.requests; timestamp++) {
      requests.push({ type: "REQUEST", client, timestamp, op: operationOf(client, timestamp) });
    }
  }
  return requests;
}

/**
 * The reference implementation: n replica machines, the clients, the simulated network and
 * the adversary. Every change of state is one Schedule step; `applyStep` is pure.
 */
export interface Cluster {
  readonly config: PbftConfig;
  readonly byzantine: ReadonlySet<number>;
  readonly cache: StepCache;
  initial(): ClusterState;
  /** Routes what machines emitted onto the network and absorbs messages nobody will read. */
  settle(state: ClusterState, envelopes: readonly Envelope[]): ClusterState;
  /** Delivers one copy of the in-flight message `id` to its receiver. */
  deliver(state: ClusterState, id: string): ClusterState;
  /** The receiver of `envelope` takes it in (from the network, or straight from the adversary). */
  receive(state: ClusterState, envelope: Envelope): ClusterState;
  request(state: ClusterState, client: number, op: string): ClusterState;
  knownRequests(state: ClusterState): Request[];
}

export function createCluster(config: PbftConfig): Cluster {
  assertFaultBudget(config);
  const byzantine = new Set(config.byzantine.map((entry) => entry.replica));
  const replays = config.byzantine.some((entry) => entry.behaviours.includes("replay"));
  const names = new Map(possibleRequests(config).map((request) => [requestDigest(request), `c${request.client}t${request.timestamp}`]));
  const cache = createStepCache(names);
  const { replyQuorum, ...quorums } = certificateSizes(config);
  const primary = primaryOf(0, config.n);

  function replicaEnvelopes(from: number, outputs: readonly ReplicaOutput[]): Envelope[] {
    const envelopes: Envelope[] = [];
    for (const output of outputs) {
      if (output.type === "REPLY") {
        envelopes.push({ from: replicaEndpoint(from), to: clientEndpoint(output.message.client), message: output.message });
        continue;
      }
      for (let to = 0; to < config.n; to++) {
        if (to !== from) envelopes.push({ from: replicaEndpoint(from), to: replicaEndpoint(to), message: output.message });
      }
    }
    return envelopes;
  }

  function clientEnvelopes(from: number, outputs: readonly ClientOutput[]): Envelope[] {
    // Castro & Liskov §4.1: the client sends its request to the primary it believes in.
    return outputs.map((output) => ({ from: clientEndpoint(from), to: replicaEndpoint(primary), message: output.message }));
  }

  const cluster: Cluster = {
    config,
    byzantine,
    cache,
    initial() {
      const replicas = Array.from({ length: config.n }, (_, id) =>
        byzantine.has(id)
          ? null
          : cache.keyReplica(
              initialReplicaState({ id, n: config.n, f: config.f, window: config.window, checkpointInterval: config.checkpointInterval, ...quorums }),
            ),
      );
      const clients = Array.from({ length: config.clients }, (_, id) =>
        cache.keyClient(initialClientState({ id, replyQuorum, requests: config.requests })),
      );
      return { replicas, clients, network: emptyNetwork, adversary: initialAdversaryState };
    },
    settle(state, envelopes) {
      let network = state.network;
      for (const envelope of envelopes) {
        const to = replicaOfEndpoint(envelope.to);
        // A Byzantine replica's inbox is the adversary's: its behaviour does not depend on what it
        // reads (it may forge from every request a client sent), so nobody delivers the message.
        if (to !== undefined && byzantine.has(to)) continue;
        network = send(network, envelope);
      }
      const next = { ...state, network };
      return { ...next, network: discardWhere(network, (envelope) => isIgnoredForever(next, envelope)) };
    },
    deliver(state, id) {
      const taken = take(state.network, id);
      const adversary = replays ? observe(state.adversary, taken.envelope) : state.adversary;
      return cluster.receive({ ...state, network: taken.network, adversary }, taken.envelope);
    },
    receive(state, envelope) {
      const to = replicaOfEndpoint(envelope.to);
      const label = `${envelope.message.type} ${envelope.from}->${envelope.to}`;
      if (to !== undefined) {
        const keyed = state.replicas[to];
        if (keyed === null || keyed === undefined) throw new Error(`message ${label} is addressed to a replica with no machine`);
        if (envelope.message.type === "REPLY") throw new Error(`message ${label}: a REPLY addressed to a replica`);
        const stepped = cache.stepReplica(keyed, envelope.message);
        const replicas = stepped.replica === keyed ? state.replicas : state.replicas.map((r, index) => (index === to ? stepped.replica : r));
        return cluster.settle({ ...state, replicas }, replicaEnvelopes(to, stepped.outputs));
      }
      const client = clientOfEndpoint(envelope.to)!;
      if (envelope.message.type !== "REPLY") throw new Error(`message ${label}: only REPLYs are addressed to clients`);
      const stepped = cache.stepClient(state.clients[client]!, envelope.message);
      const clients = state.clients.map((c, index) => (index === client ? stepped.client : c));
      return cluster.settle({ ...state, clients }, clientEnvelopes(client, stepped.outputs));
    },
    request(state, client, op) {
      const keyed = state.clients[client];
      if (keyed === undefined) throw new Error(`no client ${client}`);
      const stepped = cache.stepClient(keyed, { type: "SEND_REQUEST", op });
      const clients = state.clients.map((c, index) => (index === client ? stepped.client : c));
      return cluster.settle({ ...state, clients }, clientEnvelopes(client, stepped.outputs));
    },
    knownRequests(state) {
      return state.clients.flatMap((client) => client.state.context.sent);
    },
  };
  return cluster;
}

