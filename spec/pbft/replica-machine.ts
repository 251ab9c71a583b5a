import { and, enqueueActions, setup } from "xstate";
import { primaryOf } from "../common/ids.ts";
import { requestDigest } from "../common/digest.ts";
import type { ReplicaContext, ReplicaEvent, ReplicaInput, ReplicaOutput, RuleResult } from "./replica-context.ts";
import * as rules from "./replica-rules.ts";
import { executeCommittedInOrder } from "./execution.ts";
import { isWithinWatermarks } from "./watermarks.ts";

type Rule = (context: ReplicaContext, event: ReplicaEvent) => RuleResult;

/** Wraps a replica rule as an XState action: assign its context, emit what it sends. */
function ruleAction(rule: Rule) {
  return enqueueActions<ReplicaContext, ReplicaEvent, undefined, ReplicaEvent, never, never, never, never, ReplicaOutput>(
    ({ context, event, enqueue }) => {
      const result = rule(context, event);
      enqueue.assign(result.context);
      for (const output of result.outputs) enqueue.emit(output);
    },
  );
}

function onlyFor<T extends ReplicaEvent["type"]>(type: T, rule: (context: ReplicaContext, event: Extract<ReplicaEvent, { type: T }>) => RuleResult): Rule {
  return (context, event) => {
    if (event.type !== type) throw new Error(`replica rule for ${type} received ${event.type}`);
    return rule(context, event as Extract<ReplicaEvent, { type: T }>);
  };
}

function seqOf(event: ReplicaEvent): number {
  return "seq" in event ? event.seq : 0;
}

/**
 * A PBFT replica in the normal case (Castro & Liskov OSDI'99 §4.1–4.3). It owns the view,
 * the watermarks, the checkpoints and the service state; each sequence number's three-phase
 * protocol is a `slotMachine` whose snapshot it keeps in `context.slots`. Messages are the
 * events; what the replica sends comes out as emitted `MULTICAST` / `REPLY` events.
 */
export const replicaMachine = setup({
  types: {
    context: {} as ReplicaContext,
    events: {} as ReplicaEvent,
    input: {} as ReplicaInput,
    emitted: {} as ReplicaOutput,
  },
  guards: {
    /** §4.1: the primary of view v is replica v mod n. */
    isPrimaryOfView: ({ context }) => context.id === primaryOf(context.view, context.n),
    /** §4.1: a request is new if its timestamp is above the client's last assigned or executed one. */
    isNewRequest: ({ context, event }) =>
      event.type === "REQUEST" &&
      event.timestamp > (context.assigned[event.client] ?? 0) &&
      event.timestamp > (context.lastTimestamp[event.client] ?? 0),
    /** §4.3: the primary assigns only sequence numbers in (h, h + L]. */
    hasRoomInWindow: ({ context }) => isWithinWatermarks(context.nextSeq, context.lowWatermark, context.window),
    /** §4.2: the pre-prepare must come from the primary of its view. */
    isFromPrimary: ({ context, event }) => "replica" in event && event.replica === primaryOf(seqViewOf(event), context.n),
    /** §4.2: PREPAREs are counted from backups only; the primary's vote is its PRE-PREPARE. */
    isFromBackup: ({ context, event }) => "replica" in event && event.replica !== primaryOf(seqViewOf(event), context.n),
    isFromOtherReplica: ({ context, event }) => "replica" in event && event.replica !== context.id && event.replica < context.n,
    /** §4.2: a replica accepts protocol messages only for its current view. */
    isForCurrentView: ({ context, event }) => seqViewOf(event) === context.view,
    /** §4.2: h < n ≤ H. */
    isWithinWatermarks: ({ context, event }) => isWithinWatermarks(seqOf(event), context.lowWatermark, context.window),
    /** §4.2: d must be the digest of the request the pre-prepare carries. */
    hasMatchingDigest: ({ event }) => event.type === "PRE-PREPARE" && event.digest === requestDigest(event.request),
    /** §4.2: never a second pre-prepare for the same (v, n), whatever its digest. */
    hasNoPrePrepareForSlot: ({ context, event }) => {
      const slot = context.slots[seqOf(event)];
      return slot === undefined || slot.value === "idle";
    },
    /** §4.3: checkpoints at or below the low watermark are obsolete. */
    isAboveLowWatermark: ({ context, event }) => seqOf(event) > context.lowWatermark,
  },
  actions: {
    assignSequenceNumber: ruleAction(onlyFor("REQUEST", rules.assignSequenceNumber)),
    queueRequest: ruleAction(onlyFor("REQUEST", rules.queueRequest)),
    acceptPrePrepare: ruleAction(onlyFor("PRE-PREPARE", rules.acceptPrePrepare)),
    recordPrepare: ruleAction(onlyFor("PREPARE", rules.recordPrepare)),
    recordCommit: ruleAction(onlyFor("COMMIT", rules.recordCommit)),
    recordCheckpoint: ruleAction(onlyFor("CHECKPOINT", rules.recordCheckpoint)),
    executeCommittedInOrder: ruleAction((context) => executeCommittedInOrder(context)),
    issueQueuedRequests: ruleAction((context) =>
      context.id === primaryOf(context.view, context.n) ? rules.issueQueuedRequests(context) : { context, outputs: [] },
    ),
  },
}).createMachine({
  id: "pbftReplica",
  context: ({ input }) => ({
    ...input,
    view: 0,
    lowWatermark: 0,
    nextSeq: 1,
    lastExecuted: 0,
    slots: {},
    queue: [],
    assigned: {},
    checkpoints: {},
    executed: [],
    lastTimestamp: {},
  }),
  initial: "normalCase",
  states: {
    normalCase: {
      initial: "choosingRole",
      states: {
        choosingRole: {
          always: [{ guard: "isPrimaryOfView", target: "primary" }, { target: "backup" }],
        },
        primary: {
          on: {
            REQUEST: [
              { guard: and(["isNewRequest", "hasRoomInWindow"]), actions: ["assignSequenceNumber", "executeCommittedInOrder"] },
              { guard: "isNewRequest", actions: "queueRequest" },
            ],
          },
        },
        backup: {
          on: {
            "PRE-PREPARE": {
              guard: and(["isFromPrimary", "isForCurrentView", "isWithinWatermarks", "hasMatchingDigest", "hasNoPrePrepareForSlot"]),
              actions: ["acceptPrePrepare", "executeCommittedInOrder"],
            },
          },
        },
      },
      on: {
        PREPARE: {
          guard: and(["isFromBackup", "isFromOtherReplica", "isForCurrentView", "isWithinWatermarks"]),
          actions: ["recordPrepare", "executeCommittedInOrder", "issueQueuedRequests"],
        },
        COMMIT: {
          guard: and(["isFromOtherReplica", "isForCurrentView", "isWithinWatermarks"]),
          actions: ["recordCommit", "executeCommittedInOrder", "issueQueuedRequests"],
        },
        CHECKPOINT: {
          guard: and(["isFromOtherReplica", "isAboveLowWatermark"]),
          actions: ["recordCheckpoint", "issueQueuedRequests"],
        },
      },
    },
  },
});

function seqViewOf(event: ReplicaEvent): number {
  return "view" in event ? event.view : -1;
}
