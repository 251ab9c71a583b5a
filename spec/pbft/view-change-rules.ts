import { otherReplicaNames, primaryOf, replicaName } from "./ids.ts";
import type { NewView, PreparedCertificate, Request, ViewChange } from "./messages.ts";
import { newViewOrder, type NewViewOrder } from "./new-view-order.ts";
import type { ReplicaContext, ReplicaOutput } from "./replica-context.ts";
import { prepareSignature } from "./signatures.ts";
import { advanceSlot, newSlot } from "./slot-state.ts";
import { logCheckpointVote, type RuleResult } from "./replica-rules.ts";

/**
 * What the replica machine's view-change actions compute (Castro & Liskov OSDI'99 §4.4, TOCS
 * §4.4–4.5): plain functions of the context, each one assignment plus what it sends.
 */

/** The one timer a replica runs: the view-change timer of §4.4. */
export const VIEW_CHANGE_TIMER = "view-change";

const PREPARED_OR_LATER = new Set(["prepared", "committed", "executed"]);

/** §4.4: the cut-off (config.ts `viewChange.maxView`): no view change starts from this view on. */
export const isBelowMaxView = (context: ReplicaContext): boolean => context.viewChange !== null && context.view < context.viewChange.maxView;

/**
 * P (§4.4): for each seq above h, the prepared certificate of the highest view this replica
 * holds — from the slots of the view it is in (the slot keeps the PRE-PREPARE and the PREPARE
 * signers once prepared) and from the views it left.
 */
export function preparedCertificates(context: ReplicaContext): Record<string, PreparedCertificate> {
  const certificates: Record<string, PreparedCertificate> = {};
  for (const [seq, certificate] of Object.entries(context.prepared)) if (Number(seq) > context.lowWatermark) certificates[seq] = certificate;
  for (const [seq, slot] of Object.entries(context.slots)) {
    const { view, digest, request, prepares } = slot.context;
    if (!PREPARED_OR_LATER.has(slot.value) || digest === null || request === null || Number(seq) <= context.lowWatermark) continue;
    const known = certificates[seq];
    if (known !== undefined && known.view >= view) continue;
    const signers = [...(prepares[digest] ?? [])];
    // The PREPAREs it logged are signed messages (§3); it keeps their signatures in the certificate it sends.
    const signatures = signers.map((signer) => prepareSignature(signer, view, Number(seq), digest));
    certificates[seq] = { view, seq: Number(seq), digest, request, primary: primaryOf(view, context.n), prepares: signers, signatures };
  }
  return certificates;
}

/** §4.4: a backup suspects its primary while a request waits: the reason its view-change timer runs. */
export const suspectsPrimary = (context: ReplicaContext, waiting: boolean): boolean => waiting && context.id !== primaryOf(context.view, context.n);

/** §4.4: a backup's view-change timer runs while a request waits (until the model's cut-off); otherwise it is cancelled. */
export function timerOutput(context: ReplicaContext, waiting: boolean): ReplicaOutput {
  const suspects = suspectsPrimary(context, waiting) && !context.pastLastView;
  return { type: suspects ? "setTimer" : "cancelTimer", timer: VIEW_CHANGE_TIMER };
}

/**
 * §4.4: the timer a backup starts on relaying a request to the primary — none under the
 * `no-request-timer` bug, a backup that trusts the primary to act on what it relays: with a
 * crashed primary nothing ever suspects it.
 */
export function requestTimerOutputs(context: ReplicaContext): ReplicaOutput[] {
  return context.viewChange?.bug === "no-request-timer" ? [] : [timerOutput(context, true)];
}

/**
 * §4.4: the replica moves to view `target` and multicasts VIEW-CHANGE(target, n, C, P, i), n its
 * last stable checkpoint. Its own message joins its log; the logs of lower views go. The timer
 * waits for the NEW-VIEW, and the next timeout is twice as long.
 */
export function startViewChange(context: ReplicaContext, target: number): RuleResult {
  const certificates = context.viewChange?.bug === "drop-prepared-certificates" ? {} : preparedCertificates(context);
  const message: ViewChange = {
    type: "VIEW-CHANGE",
    view: target,
    checkpoint: context.stableProof,
    prepared: Object.values(certificates).sort((a, b) => a.seq - b.seq),
    replica: context.id,
  };
  const viewChanges = Object.fromEntries(Object.entries(context.viewChanges).filter(([view]) => Number(view) >= target));
  const next: ReplicaContext = {
    ...context,
    view: target,
    prepared: preparedCertificates(context),
    viewChanges: { ...viewChanges, [target]: { ...viewChanges[target], [context.id]: message } },
    timeoutMultiplier: context.timeoutMultiplier * 2,
    timerTicks: 0,
  };
  // §4.5: it waits for the NEW-VIEW on its timer once 2f+1 VIEW-CHANGEs for the view are in (in the last view too: its expiry is the cut-off).
  const timer: ReplicaOutput = { type: holdsViewChangeQuorum(next) ? "setTimer" : "cancelTimer", timer: VIEW_CHANGE_TIMER };
  return { context: next, outputs: [{ type: "send", to: otherReplicaNames(context.id, context.n), message }, timer] };
}

/** §4.4: a valid VIEW-CHANGE for a view not yet installed is logged, one per replica and view. */
export function recordViewChange(context: ReplicaContext, message: ViewChange): RuleResult {
  const forView = context.viewChanges[message.view] ?? {};
  const next = { ...context, viewChanges: { ...context.viewChanges, [message.view]: { ...forView, [message.replica]: message } } };
  return { context: next, outputs: newViewTimerStarts(context, next) ? [{ type: "setTimer", timer: VIEW_CHANGE_TIMER }] : [] };
}

/** §4.4: the replica changing views holds a quorum of VIEW-CHANGEs (its own included) for the view it moves to. */
export const holdsViewChangeQuorum = (context: ReplicaContext): boolean =>
  context.viewChange !== null && context.installedView < context.view && viewChangesForOwnView(context).length >= context.viewChange.viewChangeQuorum;

/**
 * §4.5 (the first liveness rule): a replica that multicast VIEW-CHANGE for v+1 starts its timer
 * only once it holds 2f+1 VIEW-CHANGEs for v+1 — not at once, which would let it time out of a
 * view change the others have not even begun.
 */
const newViewTimerStarts = (before: ReplicaContext, after: ReplicaContext): boolean => !holdsViewChangeQuorum(before) && holdsViewChangeQuorum(after);

/**
 * §4.5.2 (liveness): the smallest view above its own that f+1 other replicas asked for, once
 * they have; undefined before. f+1 include a correct one, so the change is not the adversary's alone.
 */
export function joinTarget(context: ReplicaContext): number | undefined {
  const senders = new Set<string>();
  let smallest: number | undefined;
  for (const [view, byReplica] of Object.entries(context.viewChanges)) {
    if (Number(view) <= context.view) continue;
    for (const replica of Object.keys(byReplica)) if (Number(replica) !== context.id) senders.add(replica);
    smallest = smallest === undefined ? Number(view) : Math.min(smallest, Number(view));
  }
  return senders.size >= context.f + 1 ? smallest : undefined;
}

/** The VIEW-CHANGEs logged for the view it is changing to, by replica. */
export function viewChangesForOwnView(context: ReplicaContext): ViewChange[] {
  return Object.values(context.viewChanges[context.view] ?? {}).sort((a, b) => a.replica - b.replica);
}

/**
 * §4.4: the new primary's O. The `ignore-prepared-sets` mutant builds it as if V's P sets were
 * empty (only null requests), the bug a new primary shipping without P handling would have.
 */
export function orderFor(context: ReplicaContext, viewChanges: readonly ViewChange[]): NewViewOrder {
  return newViewOrder(context.viewChange?.bug === "ignore-prepared-sets" ? viewChanges.map((message) => ({ ...message, prepared: [] })) : viewChanges);
}

/** §4.4: the new primary's NEW-VIEW(v+1, V, O) from the VIEW-CHANGEs it logged. */
export function newViewOf(context: ReplicaContext): NewView {
  const viewChanges = viewChangesForOwnView(context);
  return { type: "NEW-VIEW", view: context.view, viewChanges, prePrepares: orderFor(context, viewChanges).prePrepares, replica: context.id };
}

const sameRequest = (a: Request, b: Request): boolean => a.client === b.client && a.timestamp === b.timestamp;

/**
 * §4.4: installing NEW-VIEW(v, V, O). The replica enters v, keeps the prepared certificates of
 * the view it leaves, and starts each seq of O above h afresh in v with O's pre-prepare (a
 * backup logs and multicasts its PREPARE, as for any pre-prepare). The primary then assigns
 * seqs after max-s to the requests that wait and O does not carry. The timer restarts if a
 * request waits. V's highest checkpoint, min-s, comes with its proof C of 2f+1 CHECKPOINTs
 * (checked with V): the replica logs those votes as if it had received them, so that one behind
 * min-s fetches the state (TOCS §4.4: "if it is missing … it fetches"; replica-guards.ts
 * `lagsBehindStableCheckpoint`) and one that executed up to it makes it stable.
 */
export function installNewView(context: ReplicaContext, message: NewView): RuleResult {
  const { maxS } = orderFor(context, message.viewChanges);
  const view = message.view;
  const isPrimary = context.id === primaryOf(view, context.n);
  let next: ReplicaContext = {
    ...context,
    view,
    installedView: view,
    prepared: preparedCertificates(context),
    viewChanges: Object.fromEntries(Object.entries(context.viewChanges).filter(([logged]) => Number(logged) > view)),
    deferred: context.deferred.filter((event) => !("view" in event) || event.view >= view),
    slots: {},
    nextSeq: Math.max(maxS, context.lowWatermark) + 1,
    timerTicks: 0,
    lastNewView: message,
  };
  next = logMinSProof(next, message.viewChanges);
  const outputs: ReplicaOutput[] = [];
  for (const entry of message.prePrepares) {
    if (entry.seq <= context.lowWatermark) continue;
    const input = { seq: entry.seq, view, self: context.id, isPrimary, prepareQuorum: context.prepareQuorum, commitQuorum: context.commitQuorum };
    const { slot, sends } = advanceSlot(newSlot(input), { type: "PRE_PREPARE", digest: entry.digest, request: entry.request });
    next = { ...next, slots: { ...next.slots, [entry.seq]: slot } };
    for (const send of sends) outputs.push({ type: "send", to: otherReplicaNames(context.id, context.n), message: send.message });
  }
  const carried = message.prePrepares.flatMap((entry) => (entry.request === null ? [] : [entry.request]));
  const uncarried = context.waiting.filter((request) => !carried.some((known) => sameRequest(known, request)));
  if (isPrimary) {
    next = { ...next, queue: sortRequests([...context.queue.filter((request) => !uncarried.some((known) => sameRequest(known, request))), ...uncarried]) };
  } else {
    // A backup relays to the new primary what waits and O does not carry (a request it got while changing views, or one the old primary never saw).
    for (const request of uncarried) outputs.push({ type: "send", to: replicaName(primaryOf(view, context.n)), message: request });
  }
  outputs.push(timerOutput(next, context.waiting.length > 0));
  return { context: next, outputs };
}

/** The votes of the proof C of V's highest checkpoint (min-s), logged where it is above h. */
function logMinSProof(context: ReplicaContext, viewChanges: readonly ViewChange[]): ReplicaContext {
  const highest = viewChanges.reduce<ViewChange | undefined>((best, message) => (best === undefined || message.checkpoint.seq > best.checkpoint.seq ? message : best), undefined);
  if (highest === undefined || highest.checkpoint.seq <= context.lowWatermark) return context;
  const { seq, stateDigest, replicas } = highest.checkpoint;
  return replicas.reduce((logged, replica) => logCheckpointVote(logged, seq, stateDigest, replica), context);
}

/** Requests in (client, timestamp) order, so that equal sets are equal snapshots. */
export function sortRequests(requests: readonly Request[]): Request[] {
  return [...requests].sort((a, b) => a.client - b.client || a.timestamp - b.timestamp);
}

/** A request now waits for execution (§4.4: the timer runs while one does). */
export function awaitRequest(context: ReplicaContext, request: Request): ReplicaContext {
  if (context.viewChange === null || context.waiting.some((known) => sameRequest(known, request))) return context;
  return { ...context, waiting: sortRequests([...context.waiting, request]) };
}

/** §4.4: the executed request no longer waits; the timer stops, or restarts for the others, at the base timeout. */
export function afterExecution(context: ReplicaContext, request: Request | null): RuleResult {
  if (context.viewChange === null) return { context, outputs: [] };
  const waiting = request === null ? context.waiting : context.waiting.filter((known) => !sameRequest(known, request));
  const next = { ...context, waiting, timeoutMultiplier: 1, timerTicks: 0 };
  return { context: next, outputs: [timerOutput(next, waiting.length > 0)] };
}
