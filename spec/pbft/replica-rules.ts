import { primaryOf } from "../common/ids.ts";
import { requestDigest } from "../common/digest.ts";
import type { Checkpoint, Commit, PrePrepare, Prepare, Request } from "../common/messages.ts";
import type { ReplicaContext, ReplicaOutput, RuleResult } from "./replica-context.ts";
import type { SlotEvent } from "./slot-machine.ts";
import { advanceSlot, newSlot } from "./slot-state.ts";
import type { SlotState } from "./slot-state.ts";
import { recordCheckpointVote } from "./checkpoint-log.ts";
import { isWithinWatermarks } from "./watermarks.ts";
import { executeCommittedInOrder } from "./execution.ts";

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
function driveSlot(context: ReplicaContext, seq: number, event: SlotEvent): RuleResult {
  const { slot, sends } = advanceSlot(slotAt(context, seq), event);
  return {
    context: { ...context, slots: { ...context.slots, [seq]: slot } },
    outputs: sends.map((send) => ({ type: "MULTICAST" as const, message: send.message })),
  };
}

/** §4.2: the primary assigns the next sequence number and multicasts PRE-PREPARE(v, n, D(m), m). */
export function assignSequenceNumber(context: ReplicaContext, request: Request): RuleResult {
  const seq = context.nextSeq;
  const digest = requestDigest(request);
  const prePrepare: PrePrepare = { type: "PRE-PREPARE", view: context.view, seq, digest, request, replica: context.id };
  const assigned = { ...context, nextSeq: seq + 1, assigned: { ...context.assigned, [request.client]: request.timestamp } };
  const driven = driveSlot(assigned, seq, { type: "PRE_PREPARE", digest, request });
  const outputs: ReplicaOutput[] = [{ type: "MULTICAST", message: prePrepare }, ...driven.outputs];
  return { context: driven.context, outputs };
}

/** §4.3: a primary with no room below H holds the request until the window moves. */
export function queueRequest(context: ReplicaContext, request: Request): RuleResult {
  return {
    context: { ...context, queue: [...context.queue, request], assigned: { ...context.assigned, [request.client]: request.timestamp } },
    outputs: [],
  };
}

/** §4.3: when the low watermark advances, the primary pre-prepares queued requests that now fit. */
export function issueQueuedRequests(context: ReplicaContext): RuleResult {
  let next = context;
  const outputs: ReplicaOutput[] = [];
  while (next.queue.length > 0 && isWithinWatermarks(next.nextSeq, next.lowWatermark, next.window)) {
    const [request, ...rest] = next.queue;
    const issued = assignSequenceNumber({ ...next, queue: rest }, request!);
    // With degenerate (mutant) quorums a slot can commit the moment it is assigned.
    const executed = executeCommittedInOrder(issued.context);
    next = executed.context;
    outputs.push(...issued.outputs, ...executed.outputs);
  }
  return { context: next, outputs };
}

/** §4.2: a backup that accepts a PRE-PREPARE logs it and multicasts its PREPARE. */
export function acceptPrePrepare(context: ReplicaContext, message: PrePrepare): RuleResult {
  return driveSlot(context, message.seq, { type: "PRE_PREPARE", digest: message.digest, request: message.request });
}

export function recordPrepare(context: ReplicaContext, message: Prepare): RuleResult {
  return driveSlot(context, message.seq, { type: "PREPARE", replica: message.replica, digest: message.digest });
}

export function recordCommit(context: ReplicaContext, message: Commit): RuleResult {
  return driveSlot(context, message.seq, { type: "COMMIT", replica: message.replica, digest: message.digest });
}

export function recordCheckpoint(context: ReplicaContext, message: Checkpoint): RuleResult {
  return recordCheckpointVote(context, message.seq, message.stateDigest, message.replica);
}
