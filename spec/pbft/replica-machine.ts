import { and, assign, enqueueActions, setup } from "xstate";
import { canonicalJson } from "../common/canonical-json.ts";
import { otherReplicaNames, primaryOf, replicaName } from "./ids.ts";
import type { Checkpoint, Commit, Delivered, Fetch, NewView, PrePrepare, Prepare, Request, State, ViewChange } from "./messages.ts";
import { NULL_CLIENT } from "./null-request.ts";
import type { ReplicaContext, ReplicaEvent, ReplicaInput, ReplicaOutput } from "./replica-context.ts";
import * as guards from "./replica-guards.ts";
import * as rules from "./replica-rules.ts";
import * as viewChange from "./view-change-rules.ts";

/**
 * A PBFT replica in the normal case (Castro & Liskov OSDI'99 §4.1–4.3). It owns the view, the
 * watermarks, the checkpoints and the service state; each sequence number's three-phase protocol
 * is a `slotMachine` whose snapshot it keeps in `context.slots`. Delivered messages are its
 * events (`{ ...message, from }`); it sends by emitting the runtime's `send`. What happens
 * without a message — executing the next committed slot, taking a checkpoint every K, making
 * one stable and collecting garbage, pre-preparing queued requests — is an eventless
 * transition with a named guard, so the statechart shows when each happens.
 */
export const replicaMachine = setup({
  types: {
    context: {} as ReplicaContext,
    events: {} as ReplicaEvent,
    input: {} as ReplicaInput,
    emitted: {} as ReplicaOutput,
  },
  guards: {
    isPrimaryOfView: ({ context }) => guards.isPrimaryOfView(context),
    isNewRequest: ({ context, event }) => guards.isNewRequest(context, event),
    hasRoomInWindow: ({ context }) => guards.hasRoomInWindow(context),
    isFromPrimary: ({ context, event }) => guards.isFromPrimary(context, event),
    isFromBackup: ({ context, event }) => guards.isFromBackup(context, event),
    isFromOtherReplica: ({ context, event }) => guards.isFromOtherReplica(context, event),
    isForCurrentView: ({ context, event }) => guards.isForCurrentView(context, event),
    isWithinWatermarks: ({ context, event }) => guards.isWithinTheWatermarks(context, event),
    isAboveHighWatermark: ({ context, event }) => guards.isAboveHighWatermark(context, event),
    hasMatchingDigest: ({ context, event }) => guards.hasMatchingDigest(context, event),
    hasNoPrePrepareForSlot: ({ context, event }) => guards.hasNoPrePrepareForSlot(context, event),
    isAboveLowWatermark: ({ context, event }) => guards.isAboveLowWatermark(context, event),
    /** §4.3: a primary with queued requests pre-prepares them once the window has room. */
    hasQueuedRequestInWindow: ({ context }) => context.queue.length > 0 && guards.hasRoomInWindow(context),
    /** §4.2: the slot after the last executed one is committed-local: it may execute. */
    isNextSlotCommitted: ({ context }) => context.slots[context.lastExecuted + 1]?.value === "committed",
    /** §4.3: every K executed requests, a replica takes a checkpoint of its state. */
    isCheckpointDue: ({ context }) => context.lastExecuted > context.checkpointed && context.lastExecuted % context.checkpointInterval === 0,
    /** §4.3: 2f+1 matching CHECKPOINTs above h, for a state this replica has reached. */
    hasStableCheckpoint: ({ context }) => rules.stableCheckpoint(context) !== undefined,
    /** The runtime discards a delivery this machine refuses now and for ever (replica-guards.ts). */
    isObsolete: ({ context, event }) => guards.isObsoleteDelivery(context, event),
    runsViewChange: ({ context }) => guards.runsViewChange(context),
    isTimerTickLeft: ({ context }) => guards.isTimerTickLeft(context),
    isBelowMaxView: ({ context }) => guards.isBelowMaxView(context),
    isForViewAhead: ({ context, event }) => guards.isForViewAhead(context, event),
    isForLaterView: ({ context, event }) => guards.isForLaterView(context, event),
    isValidViewChange: ({ context, event }) => guards.isValidViewChange(context, event),
    isNewViewChangeVote: ({ context, event }) => guards.isNewViewChangeVote(context, event),
    hasValidViewChangeSet: ({ context, event }) => guards.hasValidViewChangeSet(context, event),
    hasConsistentNewView: ({ context, event }) => guards.hasConsistentNewView(context, event),
    canJoinViewChange: ({ context }) => guards.canJoinViewChange(context),
    hasNewViewQuorum: ({ context }) => guards.hasNewViewQuorum(context),
    lagsBehindStableCheckpoint: ({ context }) => guards.lagsBehindStableCheckpoint(context),
    hasExecutedFetchedSeq: ({ context, event }) => guards.hasExecutedFetchedSeq(context, event),
    isStateForFetchedCheckpoint: ({ context, event }) => guards.isStateForFetchedCheckpoint(context, event),
    hasMatchingStateDigest: ({ context, event }) => guards.hasMatchingStateDigest(context, event),
  },
  actions: {
    assignSequenceNumber: enqueueActions(({ context, event, enqueue }) => {
      const { context: next, outputs } = rules.assignSequenceNumber(context, requestOf(event));
      enqueue.assign(next);
      for (const output of outputs) enqueue.emit(output);
    }),
    /** §4.3: a primary with no room below H holds the request until the window moves. */
    queueRequest: assign(({ context, event }) => {
      const request = requestOf(event);
      return { queue: [...context.queue, request], assigned: { ...context.assigned, [request.client]: request.timestamp } };
    }),
    assignQueuedRequest: enqueueActions(({ context, enqueue }) => {
      const [request, ...rest] = context.queue;
      const { context: next, outputs } = rules.assignSequenceNumber({ ...context, queue: rest }, request!);
      enqueue.assign(next);
      for (const output of outputs) enqueue.emit(output);
    }),
    /** §4.2: a backup accepts the PRE-PREPARE into its slot, which multicasts the PREPARE. */
    acceptPrePrepare: enqueueActions(({ context, event, enqueue }) => driveSlot(context, event, enqueue)),
    recordPrepare: enqueueActions(({ context, event, enqueue }) => driveSlot(context, event, enqueue)),
    recordCommit: enqueueActions(({ context, event, enqueue }) => driveSlot(context, event, enqueue)),
    recordCheckpoint: assign(({ context, event }) => {
      const { seq, stateDigest, replica } = event as Delivered<Checkpoint>;
      return rules.logCheckpointVote(context, seq, stateDigest, replica);
    }),
    deferUntilWindowMoves: assign(({ context, event }) => deferMessage(context, event)),
    /**
     * §4.4: a PRE-PREPARE, PREPARE or COMMIT of the view being entered — or, in the normal case,
     * of any later view (`isForLaterView`) — can overtake its NEW-VIEW (the network does not keep order). Refused, it would be lost for good — the new primary
     * sends it once — and the request would wait for another view change. Kept, it is taken
     * once the NEW-VIEW is installed, as Castro's implementation keeps out-of-order messages.
     */
    deferUntilNewView: assign(({ context, event }) => deferMessage(context, event)),
    executeNextSlot: assign(({ context }) => rules.executeNext(context)),
    /** §4.4: the executed request stops the view-change timer (restarted while others wait). */
    restartViewChangeTimer: enqueueActions(({ context, enqueue }) => {
      const entry = context.executed.at(-1)!;
      applyRule(viewChange.afterExecution(context, entry.client === NULL_CLIENT ? null : { type: "REQUEST", client: entry.client, timestamp: entry.timestamp, op: entry.op }), enqueue);
    }),
    /** §4.4: a request now waits for execution (the primary's too: it may become a backup). */
    awaitExecution: assign(({ context, event }) => viewChange.awaitRequest(context, requestOf(event))),
    /** §4.4: a backup that receives a request relays it to the primary … */
    relayToPrimary: enqueueActions(({ context, event, enqueue }) => {
      enqueue.emit({ type: "send", to: replicaName(primaryOf(context.view, context.n)), message: requestOf(event) });
    }),
    /** … and starts its view-change timer. */
    startViewChangeTimer: enqueueActions(({ context, enqueue }) => {
      for (const output of viewChange.requestTimerOutputs(context)) enqueue.emit(output);
    }),
    /** The timeout expired in the last modelled view: the model's cut-off (replica-context.ts `pastLastView`). */
    reachCutOff: assign({ pastLastView: true }),
    /** The timeout is `timeoutMultiplier` timer periods: one more period passed. */
    countTimerTick: enqueueActions(({ context, enqueue }) => {
      enqueue.assign({ timerTicks: context.timerTicks + 1 });
      enqueue.emit({ type: "setTimer", timer: viewChange.VIEW_CHANGE_TIMER });
    }),
    /** §4.4: the timer expired: move to view v+1 and multicast VIEW-CHANGE. */
    startViewChange: enqueueActions(({ context, enqueue }) => applyRule(viewChange.startViewChange(context, context.view + 1), enqueue)),
    /** §4.5.2: f+1 replicas asked for higher views: join the smallest. */
    joinViewChange: enqueueActions(({ context, enqueue }) => applyRule(viewChange.startViewChange(context, viewChange.joinTarget(context)!), enqueue)),
    recordViewChange: enqueueActions(({ context, event, enqueue }) => {
      const { from: _from, ...message } = event as Delivered<ViewChange>;
      applyRule(viewChange.recordViewChange(context, message), enqueue);
    }),
    /** §4.4: the new primary multicasts NEW-VIEW(v+1, V, O) and installs it as a backup would. */
    multicastNewView: enqueueActions(({ context, enqueue }) => {
      const message = viewChange.newViewOf(context);
      enqueue.emit({ type: "send", to: otherReplicaNames(context.id, context.n), message });
      applyRule(viewChange.installNewView(context, message), enqueue);
    }),
    /** §4.4: a backup installs the NEW-VIEW it verified. */
    installNewView: enqueueActions(({ context, event, enqueue }) => {
      const { from: _from, ...message } = event as Delivered<NewView>;
      applyRule(viewChange.installNewView(context, message), enqueue);
    }),
    replyToClient: enqueueActions(({ context, enqueue }) => {
      for (const output of rules.replyToLastExecuted(context)) enqueue.emit(output);
    }),
    /** §4.3: the replica logs its own CHECKPOINT(n, d) … */
    takeCheckpoint: assign(({ context }) => ({
      ...rules.logCheckpointVote(context, context.lastExecuted, rules.stateDigestOf(context.executed), context.id),
      checkpointed: context.lastExecuted,
    })),
    /** … and multicasts it. */
    multicastCheckpoint: enqueueActions(({ context, enqueue }) => {
      const seq = context.checkpointed;
      enqueue.emit(rules.multicast(context, { type: "CHECKPOINT", seq, stateDigest: rules.stateDigestOf(context.executed.filter((entry) => entry.seq <= seq)), replica: context.id }));
    }),
    /** §4.3: h moves to the stable checkpoint and the log at or below it is discarded. */
    collectGarbage: assign(({ context }) => rules.collectGarbage(context, rules.stableCheckpoint(context)!)),
    /** §4.3, TOCS §6.2: a stable checkpoint above what it executed: ask the others for its state. */
    fetchState: enqueueActions(({ context, enqueue }) => applyRule(rules.fetchState(context, rules.stableCheckpointProof(context)!), enqueue)),
    /** TOCS §6.2: answer a FETCH with the history up to its checkpoint. */
    sendState: enqueueActions(({ context, event, enqueue }) => {
      const { from: _from, ...fetch } = event as Delivered<Fetch>;
      enqueue.emit(rules.sendState(context, fetch));
    }),
    /** TOCS §6.2: the checked state is adopted as if executed; h moves to its checkpoint. */
    adoptState: enqueueActions(({ context, event, enqueue }) => {
      const { from: _from, ...state } = event as Delivered<State>;
      applyRule(rules.adoptState(context, state), enqueue);
    }),
    /** The window moved: messages deferred above the old H are taken again, as if retransmitted. */
    retakeDeferred: enqueueActions(({ context, enqueue }) => {
      const high = context.lowWatermark + context.window;
      const due = (event: Delivered<PrePrepare | Prepare | Commit>) => event.seq <= high && event.view <= context.view;
      const now = context.deferred.filter(due);
      if (now.length === 0) return;
      enqueue.assign({ deferred: context.deferred.filter((event) => !due(event)) });
      for (const event of now) enqueue.raise(event);
    }),
  },
}).createMachine({
  id: "pbftReplica",
  context: ({ input }) => ({
    ...input,
    view: 0,
    lowWatermark: 0,
    nextSeq: 1,
    lastExecuted: 0,
    checkpointed: 0,
    slots: {},
    queue: [],
    assigned: {},
    checkpoints: {},
    deferred: [],
    executed: [],
    lastTimestamp: {},
    viewChange: input.viewChange ?? null,
    installedView: 0,
    timeoutMultiplier: 1,
    timerTicks: 0,
    pastLastView: false,
    waiting: [],
    prepared: {},
    viewChanges: {},
    stableProof: { seq: 0, stateDigest: rules.stateDigestOf([]), replicas: [] },
    lastNewView: null,
    fetching: null,
    adoptedState: 0,
  }),
  initial: "normalCase",
  states: {
    normalCase: {
      initial: "choosingRole",
      // Checkpoint before executing further, so that each checkpoint is of the state after exactly n.
      always: [
        { guard: "isCheckpointDue", actions: ["takeCheckpoint", "multicastCheckpoint"] },
        { guard: "hasStableCheckpoint", actions: ["collectGarbage", "retakeDeferred"] },
        { guard: "isNextSlotCommitted", actions: ["executeNextSlot", "replyToClient", "restartViewChangeTimer"] },
        // Only once it cannot execute further itself (OSDI §4.3): the state of a stable checkpoint it has not reached.
        { guard: "lagsBehindStableCheckpoint", actions: "fetchState" },
      ],
      states: {
        choosingRole: {
          always: [{ guard: "isPrimaryOfView", target: "primary" }, { target: "backup" }],
        },
        primary: {
          always: { guard: "hasQueuedRequestInWindow", actions: "assignQueuedRequest" },
          on: {
            REQUEST: [
              { guard: and(["isNewRequest", "hasRoomInWindow"]), actions: ["awaitExecution", "assignSequenceNumber"] },
              { guard: "isNewRequest", actions: ["awaitExecution", "queueRequest"] },
            ],
          },
        },
        backup: {
          on: {
            REQUEST: { guard: and(["runsViewChange", "isNewRequest"]), actions: ["awaitExecution", "relayToPrimary", "startViewChangeTimer"] },
            "PRE-PREPARE": [
              { guard: and(["isFromPrimary", "isForCurrentView", "hasMatchingDigest", "isAboveHighWatermark"]), actions: "deferUntilWindowMoves" },
              { guard: and(["isFromPrimary", "isForCurrentView", "isWithinWatermarks", "hasMatchingDigest", "hasNoPrePrepareForSlot"]), actions: "acceptPrePrepare" },
            ],
          },
        },
      },
      on: {
        // A later view's messages, overtaking a NEW-VIEW this replica has not yet had (nor yet asked for).
        "PRE-PREPARE": { guard: and(["isFromPrimary", "isForLaterView"]), actions: "deferUntilNewView" },
        PREPARE: [
          { guard: and(["isFromBackup", "isFromOtherReplica", "isForLaterView"]), actions: "deferUntilNewView" },
          { guard: and(["isFromBackup", "isFromOtherReplica", "isForCurrentView", "isAboveHighWatermark"]), actions: "deferUntilWindowMoves" },
          { guard: and(["isFromBackup", "isFromOtherReplica", "isForCurrentView", "isWithinWatermarks"]), actions: "recordPrepare" },
        ],
        COMMIT: [
          { guard: and(["isFromOtherReplica", "isForLaterView"]), actions: "deferUntilNewView" },
          { guard: and(["isFromOtherReplica", "isForCurrentView", "isAboveHighWatermark"]), actions: "deferUntilWindowMoves" },
          { guard: and(["isFromOtherReplica", "isForCurrentView", "isWithinWatermarks"]), actions: "recordCommit" },
        ],
        TIMEOUT: [
          { guard: "isTimerTickLeft", actions: "countTimerTick" },
          { guard: "isBelowMaxView", target: "viewChanging", actions: "startViewChange" },
          { actions: "reachCutOff" },
        ],
      },
    },
    // §4.4: while changing views a replica takes only CHECKPOINT, VIEW-CHANGE and NEW-VIEW (the root's).
    viewChanging: {
      always: { guard: "hasNewViewQuorum", target: "normalCase", actions: "multicastNewView" },
      on: {
        // A client's request keeps waiting through the view change; the new view's primary gets it from NEW-VIEW or a relay.
        REQUEST: { guard: and(["runsViewChange", "isNewRequest"]), actions: "awaitExecution" },
        "PRE-PREPARE": { guard: and(["isFromPrimary", "isForCurrentView"]), actions: "deferUntilNewView" },
        PREPARE: { guard: and(["isFromBackup", "isFromOtherReplica", "isForCurrentView"]), actions: "deferUntilNewView" },
        COMMIT: { guard: and(["isFromOtherReplica", "isForCurrentView"]), actions: "deferUntilNewView" },
        TIMEOUT: [
          { guard: "isTimerTickLeft", actions: "countTimerTick" },
          { guard: "isBelowMaxView", target: "viewChanging", reenter: true, actions: "startViewChange" },
          { actions: "reachCutOff" },
        ],
      },
    },
  },
  always: { guard: "canJoinViewChange", target: ".viewChanging", reenter: true, actions: "joinViewChange" },
  on: {
    CHECKPOINT: { guard: and(["isFromOtherReplica", "isAboveLowWatermark"]), actions: "recordCheckpoint" },
    // TOCS §6.2: state transfer runs in every state, the view change's included.
    FETCH: { guard: and(["isFromOtherReplica", "hasExecutedFetchedSeq"]), actions: "sendState" },
    STATE: { guard: and(["isFromOtherReplica", "isStateForFetchedCheckpoint", "hasMatchingStateDigest"]), actions: ["adoptState", "retakeDeferred"] },
    "VIEW-CHANGE": { guard: and(["isFromOtherReplica", "isForViewAhead", "isValidViewChange", "isNewViewChangeVote"]), actions: "recordViewChange" },
    "NEW-VIEW": {
      guard: and(["isFromPrimary", "isFromOtherReplica", "isForViewAhead", "hasValidViewChangeSet", "hasConsistentNewView"]),
      target: ".normalCase",
      reenter: true,
      actions: ["installNewView", "retakeDeferred"],
    },
  },
});

/** A message kept for later (above H, or of a view not yet installed), once, in canonical order. */
function deferMessage(context: ReplicaContext, event: ReplicaEvent): Partial<ReplicaContext> {
  const deferred = event as Delivered<PrePrepare | Prepare | Commit>;
  const key = canonicalJson(deferred);
  if (context.deferred.some((kept) => canonicalJson(kept) === key)) return {};
  return { deferred: [...context.deferred, deferred].sort((a, b) => (canonicalJson(a) < canonicalJson(b) ? -1 : 1)) };
}

type Enqueue = { assign: (context: ReplicaContext) => void; emit: (output: ReplicaOutput) => void };

/** One rule's result carried out: its context assigned, its outputs emitted in order. */
function applyRule(result: rules.RuleResult, enqueue: Enqueue): void {
  enqueue.assign(result.context);
  for (const output of result.outputs) enqueue.emit(output);
}

/** A delivered protocol message, fed to the slot of its sequence number; the slot's sends go out. */
function driveSlot(context: ReplicaContext, event: ReplicaEvent, enqueue: Enqueue): void {
  const { context: next, outputs } = rules.driveSlot(context, (event as { seq: number }).seq, rules.slotEventOf(event));
  enqueue.assign(next);
  for (const output of outputs) enqueue.emit(output);
}

/** The request a client signed, without the sender the runtime added. */
function requestOf(event: ReplicaEvent): Request {
  const { type, client, timestamp, op } = event as Delivered<Request>;
  return { type, client, timestamp, op };
}
