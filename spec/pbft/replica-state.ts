import { initialTransition, transition } from "xstate";
import type { StateValue } from "xstate";
import { replicaMachine } from "./replica-machine.ts";
import type { ReplicaContext, ReplicaEvent, ReplicaInput, ReplicaOutput } from "./replica-context.ts";

/** A replica machine snapshot as plain data: what the cluster stores, encodes and caches. */
export interface ReplicaState {
  value: StateValue;
  context: ReplicaContext;
}

function outputsOf(actions: readonly { type: string; params?: unknown }[]): ReplicaOutput[] {
  return actions.filter((action) => action.type === "xstate.emit").map((action) => (action.params as { event: ReplicaOutput }).event);
}

export function initialReplicaState(input: ReplicaInput): ReplicaState {
  const [snapshot] = initialTransition(replicaMachine, input);
  return { value: snapshot.value, context: snapshot.context };
}

/** One pure step of a replica: the next state and the messages it sends. */
export function stepReplica(state: ReplicaState, event: ReplicaEvent): { state: ReplicaState; outputs: ReplicaOutput[] } {
  const [next, actions] = transition(replicaMachine, replicaMachine.resolveState(state), event);
  return { state: { value: next.value, context: next.context }, outputs: outputsOf(actions) };
}
