import type { ActorView, RuntimeView } from "../../impl/runtime/index.ts";
import type { ExecutedEntry } from "../../spec/pbft/replica-context.ts";
import { requestDigest } from "../../spec/pbft/digest.ts";
import { initialReplicaState, replicaInput, type ReplicaState } from "./pbft-fixtures.ts";

/** An executed-log entry for client 0's request with timestamp t, run at `seq`. */
export function entry(seq: number, timestamp = seq, client = 0): ExecutedEntry {
  const op = `op${client}.${timestamp}`;
  return { seq, digest: requestDigest({ type: "REQUEST", client, timestamp, op }), client, timestamp, op, result: `${op}:${seq}` };
}

/** A view of given actors, as the runtime builds one for the properties (nothing in flight). */
export function viewOf(actors: readonly ActorView[]): RuntimeView {
  return {
    actors,
    actor: (name) => actors.find((actor) => actor.name === name)!,
    role: (role) => actors.filter((actor) => actor.role === role),
    inFlight: () => [],
  };
}

function replicaActor(id: number, state: ReplicaState | null): ActorView {
  if (state === null) return { name: `R${id}`, role: "byzantineReplica", index: id, crashed: false, byzantine: true, correct: false, value: "forging", context: { forged: [] } };
  return { name: `R${id}`, role: "replica", index: id, crashed: false, byzantine: false, correct: true, value: state.value, context: state.context };
}

/**
 * A four-replica PBFT state in which client 0 sent `sent` requests, accepted `accepted` results,
 * and replicas hold the given histories (null: a Byzantine replica; absent: the initial one).
 */
export function stateWith(histories: (ExecutedEntry[] | null)[], sent = 2, accepted = sent): RuntimeView {
  return replicasWith(
    Array.from({ length: 4 }, (_, id) => {
      const history = histories[id];
      if (history === null) return null;
      const initial = initialReplicaState(replicaInput(id));
      return history === undefined ? initial : { ...initial, context: { ...initial.context, executed: history } };
    }),
    sent,
    accepted,
  );
}

/** The same, from whole replica states. */
export function replicasWith(replicas: (ReplicaState | null)[], sent = 2, accepted = sent, results?: string[]): RuntimeView {
  const requests = Array.from({ length: sent }, (_, index) => ({ type: "REQUEST" as const, client: 0, timestamp: index + 1, op: `op0.${index + 1}` }));
  const acceptedResults = (results ?? requests.slice(0, accepted).map((request) => `${request.op}:${request.timestamp}`)).map((result, index) => ({ timestamp: index + 1, result }));
  const client: ActorView = {
    name: "C0",
    role: "client",
    index: replicas.length,
    crashed: false,
    byzantine: false,
    correct: true,
    value: "ready",
    context: { id: 0, n: 4, replyQuorum: 2, requests: 2, view: 0, pending: null, replies: {}, sent: requests, accepted: acceptedResults },
  };
  return viewOf([...replicas.map((state, id) => replicaActor(id, state)), client]);
}

/** The replica states of a view (null for a Byzantine one), to change one and build the view again. */
export function replicaStates(view: RuntimeView): (ReplicaState | null)[] {
  return view.actors.filter((actor) => actor.role !== "client").map((actor) => (actor.correct ? { value: actor.value, context: actor.context } : null));
}
