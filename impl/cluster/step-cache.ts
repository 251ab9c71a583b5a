import { canonicalJson } from "../../spec/common/canonical-json.ts";
import type { ClientEvent, ClientOutput, ClientState } from "../../spec/pbft/client-machine.ts";
import { stepClient } from "../../spec/pbft/client-machine.ts";
import type { ReplicaEvent, ReplicaOutput } from "../../spec/pbft/replica-context.ts";
import type { ReplicaState } from "../../spec/pbft/replica-state.ts";
import { stepReplica } from "../../spec/pbft/replica-state.ts";
import type { Keyed } from "./cluster-state.ts";
import { clientKey, replicaKey } from "./state-keys.ts";
import type { DigestNames } from "./state-keys.ts";

/**
 * Memoises the machines' pure transitions: `(snapshot key, event) → (next snapshot, outputs)`.
 * The XState transition is the only source of truth; the cache only avoids recomputing it
 * when the explorer meets the same replica state and message again in another global state.
 */
export interface StepCache {
  stepReplica(replica: Keyed<ReplicaState>, event: ReplicaEvent): { replica: Keyed<ReplicaState>; outputs: ReplicaOutput[] };
  stepClient(client: Keyed<ClientState>, event: ClientEvent): { client: Keyed<ClientState>; outputs: ClientOutput[] };
  keyReplica(state: ReplicaState): Keyed<ReplicaState>;
  keyClient(state: ClientState): Keyed<ClientState>;
  readonly size: number;
}

/** Events are message objects shared between states, so their canonical text is computed once each. */
const eventKeys = new WeakMap<object, string>();

function eventKey(event: object): string {
  let key = eventKeys.get(event);
  if (key === undefined) {
    key = canonicalJson(event);
    eventKeys.set(event, key);
  }
  return key;
}

export function createStepCache(names: DigestNames): StepCache {
  const replicaSteps = new Map<string, { replica: Keyed<ReplicaState>; outputs: ReplicaOutput[] }>();
  const clientSteps = new Map<string, { client: Keyed<ClientState>; outputs: ClientOutput[] }>();
  const keyReplica = (state: ReplicaState): Keyed<ReplicaState> => ({ state, key: replicaKey(names, state) });
  const keyClient = (state: ClientState): Keyed<ClientState> => ({ state, key: clientKey(state) });
  return {
    keyReplica,
    keyClient,
    stepReplica(replica, event) {
      // The replica's id is part of the cache key: two replicas in equal states differ by id.
      const cacheKey = `${replica.state.context.id}|${replica.key}|${eventKey(event)}`;
      let hit = replicaSteps.get(cacheKey);
      if (hit === undefined) {
        const stepped = stepReplica(replica.state, event);
        const next = stepped.outputs.length === 0 && sameValue(stepped.state, replica.state) ? replica : keyReplica(stepped.state);
        hit = { replica: next.key === replica.key ? replica : next, outputs: stepped.outputs };
        replicaSteps.set(cacheKey, hit);
      }
      return hit;
    },
    stepClient(client, event) {
      const cacheKey = `${client.state.context.id}|${client.key}|${eventKey(event)}`;
      let hit = clientSteps.get(cacheKey);
      if (hit === undefined) {
        const stepped = stepClient(client.state, event);
        const next = keyClient(stepped.state);
        hit = { client: next.key === client.key ? client : next, outputs: stepped.outputs };
        clientSteps.set(cacheKey, hit);
      }
      return hit;
    },
    get size() {
      return replicaSteps.size + clientSteps.size;
    },
  };
}

function sameValue(a: ReplicaState, b: ReplicaState): boolean {
  return a.context === b.context && JSON.stringify(a.value) === JSON.stringify(b.value);
}
