import { requestDigest, stateDigestOf } from "./digest.ts";
import { clientName, otherReplicaNames, primaryOf, replicaName } from "./ids.ts";
import type { Checkpoint, CheckpointProof, Commit, Fetch, PrePrepare, Prepare, Reply, Request, State } from "./messages.ts";
import type { ExecutedEntry, ReplicaContext, ReplicaEvent, ReplicaOutput } from "./replica-context.ts";
import type { SlotEvent } from "./slot-machine.ts";
import { advanceSlot, newSlot, type SlotState } from "./slot-state.ts";
import { NULL_CLIENT, NULL_REQUEST_DIGEST } from "./null-request.ts";
import { timerOutput } from "./view-change-rules.ts";

/**
 * What the replica machine's actions compute (replica-machine.ts names each one): plain functions
 * of the context, so that every action is one assignment plus what it sends.
 */

/** The result of one rule: the next context and what it sends. */
export interface RuleResult {
  context: ReplicaContext;
  outputs: ReplicaOutput[];
}

/** §4.2/§4.3: every message between replicas is multicast to the others. */
export function multicast(context: ReplicaContext, message: PrePrepare | Prepare | Commit | Checkpoint): ReplicaOutput {
  return { type: "send", to: otherReplicaNames(context.id, context.n), message };
}

function slotAt(context: ReplicaContext, seq: number): SlotState {
  return (
    context.slots[seq] ??
    newSlot({
      seq,
      view: context.view,
      self: context.id,
      isPrimary: context.id === primaryOf(context.view, context.n),
      prepareQuorum: context.prepareQuorum,
      commitQuorum: context.commitQuorum,
    })
  );
}

/** Feeds one event to the slot machine of `seq`; what the slot sends is multicast. */
export function driveSlot(context: ReplicaContext, seq: number, event: SlotEvent): RuleResult {
  const { slot, sends } = advanceSlot(slotAt(context, seq), event);
  return { context: { ...context, slots: { ...context.slots, [seq]: slot } }, outputs: sends.map((send) => multicast(context, send.message)) };
}

/** §4.2: the primary assigns the next sequence number and multicasts PRE-PREPARE(v, n, D(m), m). */
export function assignSequenceNumber(context: ReplicaContext, request: Request): RuleResult {
  const seq = context.nextSeq;
  const digest = requestDigest(request);
  const prePrepare: PrePrepare = { type: "PRE-PREPARE", view: context.view, seq, digest, request, replica: context.id };
  const assigned = { ...context, nextSeq: seq + 1, assigned: { ...context.assigned, [request.client]: request.timestamp } };
  const driven = driveSlot(assigned, seq, { type: "PRE_PREPARE", digest, request });
  return { context: driven.context, outputs: [multicast(context, prePrepare), ...driven.outputs] };
}

/** What a delivered protocol message is to its slot. */
export function slotEventOf(event: ReplicaEvent): SlotEvent {
  switch (event.type) {
    case "PRE-PREPARE":
      return { type: "PRE_PREPARE", digest: event.digest, request: event.request };
    case "PREPARE":
      return { type: "PREPARE", replica: event.replica, digest: event.digest };
    case "COMMIT":
      return { type: "COMMIT", replica: event.replica, digest: event.digest };
    default:
      throw new Error(`a ${event.type} is no slot's event`);
  }
}

/** The digest of the service state after the given history (§4.3 checkpoint digest; digest.ts). */
export { stateDigestOf };

/**
 * §4.2: executing the next committed slot. A request whose timestamp is not newer than the
 * client's last executed one is skipped (§4.1: at-most-once), its sequence number still counted.
 */
export function executeNext(context: ReplicaContext): ReplicaContext {
  const seq = context.lastExecuted + 1;
  const slot = context.slots[seq]!;
  const { request, digest } = slot.context;
  if (digest === null) throw new Error(`slot ${seq} is committed without a request`);
  if (request === null) {
    // TOCS §4.4: the null request changes nothing in the service state; its seq still counts.
    const entry: ExecutedEntry = { seq, digest, client: NULL_CLIENT, timestamp: 0, op: "null", result: null };
    return { ...context, lastExecuted: seq, slots: { ...context.slots, [seq]: advanceSlot(slot, { type: "EXECUTE" }).slot }, executed: [...context.executed, entry] };
  }
  const fresh = request.timestamp > (context.lastTimestamp[request.client] ?? 0);
  const result = fresh ? `${request.op}:${context.executed.filter((entry) => entry.result !== null).length + 1}` : null;
  const entry: ExecutedEntry = { seq, digest, client: request.client, timestamp: request.timestamp, op: request.op, result };
  return {
    ...context,
    lastExecuted: seq,
    slots: { ...context.slots, [seq]: advanceSlot(slot, { type: "EXECUTE" }).slot },
    executed: [...context.executed, entry],
    lastTimestamp: fresh ? { ...context.lastTimestamp, [request.client]: request.timestamp } : context.lastTimestamp,
  };
}

/** §4.1: the reply to the request just executed; none for a skipped repeat. */
export function replyToLastExecuted(context: ReplicaContext): ReplicaOutput[] {
  const entry = context.executed.at(-1);
  if (entry === undefined || entry.result === null) return [];
  const reply: Reply = { type: "REPLY", view: context.view, timestamp: entry.timestamp, client: entry.client, replica: context.id, result: entry.result };
  return [{ type: "send", to: clientName(entry.client), message: reply }];
}

/** A vote added to a set of voters kept sorted, so that equal logs are equal snapshots. */
export function withVoter(voters: readonly number[] | undefined, replica: number): number[] {
  const known = voters ?? [];
  return known.includes(replica) ? [...known] : [...known, replica].sort((a, b) => a - b);
}

/** §4.3: log a CHECKPOINT vote for (n, d). */
export function logCheckpointVote(context: ReplicaContext, seq: number, stateDigest: string, replica: number): ReplicaContext {
  const bySeq = context.checkpoints[seq] ?? {};
  return { ...context, checkpoints: { ...context.checkpoints, [seq]: { ...bySeq, [stateDigest]: withVoter(bySeq[stateDigest], replica) } } };
}

/**
 * §4.3: the highest checkpoint this replica can make stable by itself: 2f+1 matching votes,
 * above h, and reached by the replica (it holds the state that d is the digest of). A stable
 * checkpoint above what it executed is fetched instead (`stableCheckpointProof`, `fetchState`).
 */
export function stableCheckpoint(context: ReplicaContext): number | undefined {
  let stable: number | undefined;
  for (const [key, byDigest] of Object.entries(context.checkpoints)) {
    const seq = Number(key);
    if (seq <= context.lowWatermark || seq > context.lastExecuted) continue;
    if (Object.values(byDigest).some((voters) => voters.length >= context.checkpointQuorum) && (stable === undefined || seq > stable)) stable = seq;
  }
  return stable;
}

/**
 * §4.3: the highest checkpoint above h that 2f+1 replicas vouched for with matching CHECKPOINTs,
 * as its proof (TOCS §4.4's C), whether or not this replica has executed up to it.
 */
export function stableCheckpointProof(context: ReplicaContext): CheckpointProof | undefined {
  let proof: CheckpointProof | undefined;
  for (const [key, byDigest] of Object.entries(context.checkpoints)) {
    const seq = Number(key);
    if (seq <= context.lowWatermark || (proof !== undefined && seq <= proof.seq)) continue;
    const stable = Object.entries(byDigest).find(([, voters]) => voters.length >= context.checkpointQuorum);
    if (stable !== undefined) proof = { seq, stateDigest: stable[0], replicas: [...stable[1]] };
  }
  return proof;
}

/**
 * OSDI §4.3 (last paragraph), TOCS §6.2: a replica that learns that checkpoint n is stable while
 * it has executed less than n would wait for ever for the messages of the slots below n, which
 * the others have discarded: it asks every other replica for the state at n (FETCH), keeping
 * the proof whose digest the answer must match.
 */
export function fetchState(context: ReplicaContext, proof: CheckpointProof): RuleResult {
  const message: Fetch = { type: "FETCH", seq: proof.seq, replica: context.id };
  return { context: { ...context, fetching: proof }, outputs: [{ type: "send", to: otherReplicaNames(context.id, context.n), message }] };
}

/** TOCS §6.2: the answer to a FETCH for n from a replica that executed up to n: its history up to n. */
export function sendState(context: ReplicaContext, fetch: Fetch): ReplicaOutput {
  const message: State = { type: "STATE", seq: fetch.seq, executed: context.executed.filter((entry) => entry.seq <= fetch.seq), replica: context.id };
  return { type: "send", to: replicaName(fetch.replica), message };
}

/**
 * The history a STATE carries is one history (seqs 1 … n in order) whose entries are bound to
 * their requests (each digest is D(m) of its client, timestamp and operation, or the null
 * request's), so that the state digest, which covers the request digests, covers them too.
 */
export function isBoundHistory(executed: readonly ExecutedEntry[], seq: number): boolean {
  return (
    executed.length === seq &&
    executed.every((entry, index) => {
      if (entry.seq !== index + 1) return false;
      if (entry.client === NULL_CLIENT) return entry.digest === NULL_REQUEST_DIGEST && entry.result === null;
      return entry.digest === requestDigest({ type: "REQUEST", client: entry.client, timestamp: entry.timestamp, op: entry.op });
    })
  );
}

/**
 * TOCS §6.2: the fetched state is adopted as if executed: the history up to n, the last
 * timestamp per client it implies (§4.1 at-most-once), h = n with the log at or below n
 * discarded, and C = the proof it fetched against. Requests the history executed stop waiting
 * (the primary's queue too), and the view-change timer stops or restarts (§4.4).
 */
export function adoptState(context: ReplicaContext, state: State): RuleResult {
  const seq = state.seq;
  const executed = state.executed.map((entry) => ({ ...entry }));
  const lastTimestamp: Record<string, number> = {};
  for (const entry of executed) if (entry.result !== null) lastTimestamp[entry.client] = Math.max(lastTimestamp[entry.client] ?? 0, entry.timestamp);
  const done = (request: Request): boolean => request.timestamp <= (lastTimestamp[request.client] ?? 0);
  const keep = <T>(record: Record<string, T>): Record<string, T> => Object.fromEntries(Object.entries(record).filter(([key]) => Number(key) > seq));
  let next: ReplicaContext = {
    ...context,
    executed,
    lastExecuted: seq,
    checkpointed: Math.max(context.checkpointed, seq),
    lastTimestamp,
    lowWatermark: seq,
    nextSeq: Math.max(context.nextSeq, seq + 1),
    slots: keep(context.slots),
    checkpoints: keep(context.checkpoints),
    queue: context.queue.filter((request) => !done(request)),
    fetching: null,
    adoptedState: seq,
  };
  if (context.viewChange === null) return { context: next, outputs: [] };
  const waiting = context.waiting.filter((request) => !done(request));
  next = { ...next, prepared: keep(context.prepared), stableProof: context.fetching ?? context.stableProof, waiting };
  if (waiting.length === context.waiting.length) return { context: next, outputs: [] };
  next = { ...next, timeoutMultiplier: 1, timerTicks: 0 };
  return { context: next, outputs: [timerOutput(next, waiting.length > 0)] };
}

/** §4.3: h moves to the stable checkpoint; the log at or below it is discarded. */
export function collectGarbage(context: ReplicaContext, stableSeq: number): ReplicaContext {
  const keep = <T>(record: Record<string, T>): Record<string, T> => Object.fromEntries(Object.entries(record).filter(([seq]) => Number(seq) > stableSeq));
  // A state it was fetching at or below the checkpoint is no longer needed: it executed up to it itself.
  const fetching = context.fetching !== null && context.fetching.seq <= stableSeq ? null : context.fetching;
  const collected = { ...context, lowWatermark: stableSeq, slots: keep(context.slots), checkpoints: keep(context.checkpoints), fetching };
  if (context.viewChange === null) return collected;
  // §4.4: C, the proof a VIEW-CHANGE carries for its checkpoint, and P only above it.
  const [stateDigest, replicas] = Object.entries(context.checkpoints[stableSeq]!).find(([, voters]) => voters.length >= context.checkpointQuorum)!;
  return { ...collected, prepared: keep(context.prepared), stableProof: { seq: stableSeq, stateDigest, replicas } };
}
