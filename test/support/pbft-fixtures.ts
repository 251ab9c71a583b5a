import { requestDigest } from "../../spec/common/digest.ts";
import type { Commit, PrePrepare, Prepare, Request, Checkpoint } from "../../spec/common/messages.ts";
import { initialReplicaState, stepReplica } from "../../spec/pbft/replica-state.ts";
import type { ReplicaState } from "../../spec/pbft/replica-state.ts";
import type { ReplicaEvent, ReplicaInput, ReplicaOutput } from "../../spec/pbft/replica-context.ts";

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
export function feed(state: ReplicaState, events: readonly ReplicaEvent[]): { state: ReplicaState; outputs: ReplicaOutput[] } {
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
