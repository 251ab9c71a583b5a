import { requestDigest } from "../../spec/pbft/digest.ts";
import type { Commit, PrePrepare, Prepare, Reply, Request, Checkpoint } from "../../spec/pbft/messages.ts";
import { initialTransition, transition, type StateValue } from "xstate";
import { machineOutputs } from "../../impl/runtime/machine-outputs.ts";
import { replicaMachine } from "../../spec/pbft/replica-machine.ts";
import type { ReplicaContext, ReplicaInput } from "../../spec/pbft/replica-context.ts";

/** A replica snapshot as plain data. */
export interface ReplicaState {
  value: StateValue;
  context: ReplicaContext;
}

/** What a replica sent, as the tests read it: a multicast to the other replicas, or a reply to a client. */
export type ReplicaOutput = { type: "MULTICAST"; message: PrePrepare | Prepare | Commit | Checkpoint } | { type: "REPLY"; message: Reply };

/** A message as the runtime delivers it: with its sender's actor name (the signer's, unless replayed). */
type Message = Request | PrePrepare | Prepare | Commit | Checkpoint;

export function initialReplicaState(input: ReplicaInput): ReplicaState {
  const [snapshot] = initialTransition(replicaMachine, input);
  return { value: snapshot.value, context: snapshot.context };
}

/** One pure step of a replica, as the runtime takes it; multicasts must go to every other replica. */
export function stepReplica(state: ReplicaState, message: Message, from = senderOf(message)): { state: ReplicaState; outputs: ReplicaOutput[] } {
  const [next, actions] = transition(replicaMachine, replicaMachine.resolveState(state), { ...message, from });
  const others = Array.from({ length: state.context.n }, (_, id) => `R${id}`).filter((name) => name !== `R${state.context.id}`);
  const outputs = machineOutputs(actions, `R${state.context.id}`).map((output): ReplicaOutput => {
    if (output.type !== "send") throw new Error(`a replica set a timer: ${JSON.stringify(output)}`);
    const message = output.message as Message | Reply;
    if (message.type === "REPLY") {
      if (output.to.join() !== `C${message.client}`) throw new Error(`a reply went to ${output.to.join()}`);
      return { type: "REPLY", message };
    }
    if (output.to.join() !== others.join()) throw new Error(`a multicast went to ${output.to.join()}, not to ${others.join()}`);
    return { type: "MULTICAST", message: message as PrePrepare | Prepare | Commit | Checkpoint };
  });
  return { state: { value: next.value, context: next.context }, outputs };
}

export function senderOf(message: Message): string {
  return message.type === "REQUEST" ? `C${message.client}` : `R${message.replica}`;
}

/** Test fixtures for the PBFT machines: n = 4, f = 1 with the paper's quorums unless overridden. */
export function request(client = 0, timestamp = 1, op = `op${client}.${timestamp}`): Request {
  return { type: "REQUEST", client, timestamp, op };
}

export function prePrepare(req: Request, seq = 1, overrides: Partial<PrePrepare> = {}): PrePrepare {
  return { type: "PRE-PREPARE", view: 0, seq, digest: requestDigest(req), request: req, replica: 0, ...overrides };
}

export function prepare(req: Request, replica: number, seq = 1, view = 0): Prepare {
  return { type: "PREPARE", view, seq, digest: requestDigest(req), replica };
}

export function commit(req: Request, replica: number, seq = 1, view = 0): Commit {
  return { type: "COMMIT", view, seq, digest: requestDigest(req), replica };
}

export function checkpoint(seq: number, stateDigest: string, replica: number): Checkpoint {
  return { type: "CHECKPOINT", seq, stateDigest, replica };
}

export function replicaInput(id: number, overrides: Partial<ReplicaInput> = {}): ReplicaInput {
  return { id, n: 4, f: 1, window: 4, checkpointInterval: 2, prepareQuorum: 2, commitQuorum: 3, checkpointQuorum: 3, ...overrides };
}

/** Feeds events in order; returns the final state and everything the replica sent on the way. */
export function feed(state: ReplicaState, events: readonly Message[]): { state: ReplicaState; outputs: ReplicaOutput[] } {
  let current = state;
  const outputs: ReplicaOutput[] = [];
  for (const event of events) {
    const stepped = stepReplica(current, event);
    current = stepped.state;
    outputs.push(...stepped.outputs);
  }
  return { state: current, outputs };
}

export function backup(id = 1, overrides: Partial<ReplicaInput> = {}): ReplicaState {
  return initialReplicaState(replicaInput(id, overrides));
}

export function primary(overrides: Partial<ReplicaInput> = {}): ReplicaState {
  return initialReplicaState(replicaInput(0, overrides));
}

/** The message types a replica multicast, in order ("PREPARE", "COMMIT", …). */
export function sentTypes(outputs: readonly ReplicaOutput[]): string[] {
  return outputs.map((output) => (output.type === "REPLY" ? "REPLY" : output.message.type));
}

/** Slot phase of `seq` at a replica ("absent" when the slot is not in the log). */
export function phaseOf(state: ReplicaState, seq: number): string {
  return state.context.slots[seq]?.value ?? "absent";
}

/** Drives a backup through a full normal-case round for `req` at `seq`. */
export function commitAtBackup(state: ReplicaState, req: Request, seq: number): { state: ReplicaState; outputs: ReplicaOutput[] } {
  return feed(state, [prePrepare(req, seq), prepare(req, 2, seq), commit(req, 2, seq), commit(req, 3, seq)]);
}
