import { requestDigest, stateDigestOf } from "./digest.ts";
import { isBoundHistory, stableCheckpointProof } from "./replica-rules.ts";
import { primaryOf } from "./ids.ts";
import type { ReplicaContext, ReplicaEvent } from "./replica-context.ts";
import type { ViewChange } from "./messages.ts";
import { isWithinWatermarks } from "./watermarks.ts";
import { hasRecomputedOrder, hasViewChangeQuorum, isValidViewChange as isValidViewChangeMessage, type CertificateRules } from "./view-change-certificates.ts";
import { holdsViewChangeQuorum, isBelowMaxView, joinTarget, orderFor, viewChangesForOwnView } from "./view-change-rules.ts";

/**
 * The replica's rules as predicates over (context, event), each once: the machine's named guards
 * are these (replica-machine.ts), and so is its `isObsolete`, which says which deliveries the
 * guards will refuse for ever. Nothing outside the machine restates them.
 */
type Rule = (context: ReplicaContext, event: ReplicaEvent) => boolean;

const seqOf = (event: ReplicaEvent): number => ("seq" in event ? event.seq : 0);
const viewOf = (event: ReplicaEvent): number => ("view" in event ? event.view : -1);
const signerOf = (event: ReplicaEvent): number => ("replica" in event ? event.replica : -1);

/** §4.1: the primary of view v is replica v mod n. */
export const isPrimaryOfView = (context: ReplicaContext): boolean => context.id === primaryOf(context.view, context.n);

/**
 * §4.1: a request is new if its timestamp is above the client's last assigned or executed one
 * (and, with the view change, above the ones waiting for execution: §4.4).
 */
export const isNewRequest: Rule = (context, event) =>
  event.type === "REQUEST" &&
  event.timestamp > (context.assigned[event.client] ?? 0) &&
  event.timestamp > (context.lastTimestamp[event.client] ?? 0) &&
  context.waiting.every((request) => request.client !== event.client || request.timestamp < event.timestamp);

/** §4.3: the primary assigns only sequence numbers in (h, h + L]. */
export const hasRoomInWindow = (context: ReplicaContext): boolean => isWithinWatermarks(context.nextSeq, context.lowWatermark, context.window);

/** §4.2: the pre-prepare must be signed by the primary of its view. */
export const isFromPrimary: Rule = (context, event) => signerOf(event) === primaryOf(viewOf(event), context.n);

/** §4.2: PREPAREs are counted from backups only; the primary's vote is its PRE-PREPARE. */
export const isFromBackup: Rule = (context, event) => signerOf(event) >= 0 && signerOf(event) !== primaryOf(viewOf(event), context.n);

/** Votes are counted by signer (authenticated messages, §3): another replica of the group. */
export const isFromOtherReplica: Rule = (context, event) => signerOf(event) >= 0 && signerOf(event) !== context.id && signerOf(event) < context.n;

/** §4.2: a replica accepts protocol messages only for its current view. */
export const isForCurrentView: Rule = (context, event) => viewOf(event) === context.view;

/** §4.2: h < n ≤ H. */
export const isWithinTheWatermarks: Rule = (context, event) => isWithinWatermarks(seqOf(event), context.lowWatermark, context.window);

/** Above H = h + L: not refused, deferred until h moves (replica-context.ts `deferred`). */
export const isAboveHighWatermark: Rule = (context, event) => seqOf(event) > context.lowWatermark + context.window;

/** §4.2: d must be the digest of the request the pre-prepare carries. */
export const hasMatchingDigest: Rule = (_context, event) => event.type === "PRE-PREPARE" && event.digest === requestDigest(event.request);

/** §4.2: never a second pre-prepare for the same (v, n), whatever its digest. */
export const hasNoPrePrepareForSlot: Rule = (context, event) => (context.slots[seqOf(event)]?.value ?? "idle") === "idle";

/** §4.3: checkpoints at or below the low watermark are obsolete. */
export const isAboveLowWatermark: Rule = (context, event) => seqOf(event) > context.lowWatermark;

/** The view change is configured (config.ts `viewChange`): without it every run stays in view 0. */
export const runsViewChange = (context: ReplicaContext): boolean => context.viewChange !== null;

export { isBelowMaxView };

/** The rules a VIEW-CHANGE's certificates are checked against: this replica's group and quorums. */
const certificateRules = (context: ReplicaContext): CertificateRules => ({
  n: context.n,
  prepareQuorum: context.prepareQuorum,
  checkpointQuorum: context.checkpointQuorum,
  viewChangeQuorum: context.viewChange?.viewChangeQuorum ?? Number.POSITIVE_INFINITY,
});

/** §4.4: a timeout of `timeoutMultiplier` periods has periods left after this expiry (it doubles per view change). */
export const isTimerTickLeft = (context: ReplicaContext): boolean => context.timerTicks + 1 < context.timeoutMultiplier;

/**
 * §4.4: a PRE-PREPARE, PREPARE or COMMIT of a later view than the one this replica is in (or is
 * moving to), within the modelled views: the new primary's messages can overtake its NEW-VIEW,
 * also to a replica that has not suspected the old primary yet (its VIEW-CHANGE was not needed
 * for the 2f+1), so it is kept for when it installs that view.
 */
export const isForLaterView: Rule = (context, event) => context.viewChange !== null && viewOf(event) > context.view && viewOf(event) <= context.viewChange.maxView;

/** §4.4: VIEW-CHANGE and NEW-VIEW for a view not yet installed, at or above the one it is in or moving to, up to the cut-off. */
export const isForViewAhead: Rule = (context, event) =>
  context.viewChange !== null && viewOf(event) >= context.view && viewOf(event) > context.installedView && viewOf(event) <= context.viewChange.maxView;

/**
 * TOCS §4.4: C proves the checkpoint and each P entry is a prepared certificate
 * (view-change-certificates.ts). The `unchecked-view-change-certificates` mutant checks neither:
 * the bug of a replica that trusts a VIEW-CHANGE's signer for what it claims.
 */
const checksCertificates = (context: ReplicaContext): boolean => context.viewChange?.bug !== "unchecked-view-change-certificates";
const isValidViewChangeFor = (context: ReplicaContext) => (message: ViewChange, rules: CertificateRules): boolean => !checksCertificates(context) || isValidViewChangeMessage(message, rules);
export const isValidViewChange: Rule = (context, event) => event.type === "VIEW-CHANGE" && isValidViewChangeFor(context)(event, certificateRules(context));

/** One VIEW-CHANGE per replica and view is logged (a correct replica sends one). */
export const isNewViewChangeVote: Rule = (context, event) => event.type === "VIEW-CHANGE" && context.viewChanges[event.view]?.[event.replica] === undefined;

/** §4.4: V holds 2f+1 valid VIEW-CHANGEs for the NEW-VIEW's view from distinct replicas. */
export const hasValidViewChangeSet: Rule = (context, event) => event.type === "NEW-VIEW" && hasViewChangeQuorum(event, certificateRules(context), isValidViewChangeFor(context));

/**
 * §4.4: O is what the backup computes from V itself. The `unchecked-new-view` mutant trusts the
 * primary's O, the bug of a backup that checks V's signatures but not the primary's arithmetic.
 */
export const hasConsistentNewView: Rule = (context, event) =>
  event.type === "NEW-VIEW" && (context.viewChange?.bug === "unchecked-new-view" || hasRecomputedOrder(event, (viewChanges) => orderFor(context, viewChanges)));

/** §4.5.2: f+1 other replicas asked for views above its own. */
export const canJoinViewChange = (context: ReplicaContext): boolean => context.viewChange !== null && joinTarget(context) !== undefined;

/** §4.4: the primary of the view it is moving to holds 2f+1 VIEW-CHANGEs for it, its own included. */
export const hasNewViewQuorum = (context: ReplicaContext): boolean => isPrimaryOfView(context) && holdsViewChangeQuorum(context);

/**
 * OSDI §4.3 (last paragraph), TOCS §6.2: 2f+1 matching CHECKPOINTs make checkpoint n stable
 * while this replica has executed less than n, and it is not fetching n (or a later one)
 * already: the messages of the slots below n may never come (lost, or discarded by the others),
 * so it fetches the state. The machine takes this only once no committed slot is left to execute.
 */
export const lagsBehindStableCheckpoint = (context: ReplicaContext): boolean => {
  const proof = stableCheckpointProof(context);
  return proof !== undefined && proof.seq > context.lastExecuted && (context.fetching === null || context.fetching.seq < proof.seq);
};

/** TOCS §6.2: a FETCH for n is answered by a replica whose executed history reaches n. */
export const hasExecutedFetchedSeq: Rule = (context, event) => event.type === "FETCH" && context.lastExecuted >= event.seq;

/** TOCS §6.2: a STATE is taken only for the checkpoint this replica is fetching. */
export const isStateForFetchedCheckpoint: Rule = (context, event) => event.type === "STATE" && context.fetching !== null && event.seq === context.fetching.seq;

/**
 * TOCS §6.2: the fetched state's digest is the stable checkpoint's d (which 2f+1 replicas, so at
 * least one correct one, signed), and its history is bound to its requests: a Byzantine
 * replica's forged state is refused. The `unchecked-state-transfer` mutant adopts any state
 * for the checkpoint's seq, the bug of a fetcher that trusts whoever answers.
 */
export const hasMatchingStateDigest: Rule = (context, event) =>
  event.type === "STATE" &&
  (context.stateTransferBug === "unchecked-state-transfer" ||
    (context.fetching !== null && stateDigestOf(event.executed) === context.fetching.stateDigest && isBoundHistory(event.executed, event.seq)));

/** A slot executed (or collected below h) takes no message again (slot-machine.ts: `executed` is final). */
const isExecutedSlot: Rule = (context, event) => seqOf(event) <= context.lastExecuted;

/**
 * The machine's `isObsolete` (impl/runtime/protocol.ts): a delivery its guards refuse in this
 * snapshot and every later one. Each clause is a refusing guard over something that never comes
 * back: the view (there is no view change here), the role it fixes, the signer and digest (part
 * of the message), h, the executed prefix, the assigned and executed timestamps and a slot's
 * phase, which only grow. With the view change the view moves, so `isObsoleteWithViewChange` holds.
 */
export const isObsoleteDelivery: Rule = (context, event) => {
  if (context.viewChange !== null) return isObsoleteWithViewChange(context, event);
  switch (event.type) {
    case "REQUEST":
      return !isPrimaryOfView(context) || !isNewRequest(context, event);
    case "PRE-PREPARE":
      return (
        isPrimaryOfView(context) ||
        !isFromPrimary(context, event) ||
        !isForCurrentView(context, event) ||
        !hasMatchingDigest(context, event) ||
        !isAboveLowWatermark(context, event) ||
        !hasNoPrePrepareForSlot(context, event) ||
        isExecutedSlot(context, event)
      );
    case "PREPARE":
      return !isFromBackup(context, event) || !isFromOtherReplica(context, event) || !isForCurrentView(context, event) || isExecutedSlot(context, event) || !isAboveLowWatermark(context, event);
    case "COMMIT":
      return !isFromOtherReplica(context, event) || !isForCurrentView(context, event) || isExecutedSlot(context, event) || !isAboveLowWatermark(context, event);
    default:
      return isObsoleteWithViewChange(context, event);
  }
};

/** A view it has left or can never reach: views only grow, and none passes the cut-off. */
const isPastOrBeyondView: Rule = (context, event) => viewOf(event) < context.view || viewOf(event) > (context.viewChange?.maxView ?? 0);

/** In the view it is in (installed), the slot at the message's seq is committed or executed: it takes no vote again. */
const isDoneSlotOfView: Rule = (context, event) => {
  const slot = context.slots[seqOf(event)];
  return viewOf(event) === context.installedView && context.installedView === context.view && (slot?.value === "committed" || slot?.value === "executed");
};

/**
 * `isObsolete` once views move (§4.4): messages of a view it left or beyond the cut-off, signers
 * and digests that can never pass, seqs at or below h; in the view it is in, what its role and
 * a slot's phase refuse for ever. A message for a view it has not reached yet is kept: it may
 * count once the replica gets there. VIEW-CHANGE and NEW-VIEW: for an installed view, invalid
 * certificates (their content is fixed), a replica's second VIEW-CHANGE for one view.
 */
const isObsoleteWithViewChange: Rule = (context, event) => {
  const inInstalledView = viewOf(event) === context.view && context.installedView === context.view;
  switch (event.type) {
    case "REQUEST":
      return !isNewRequest(context, event);
    case "PRE-PREPARE":
      return (
        isPastOrBeyondView(context, event) ||
        !isFromPrimary(context, event) ||
        !hasMatchingDigest(context, event) ||
        !isAboveLowWatermark(context, event) ||
        (inInstalledView && (isPrimaryOfView(context) || !hasNoPrePrepareForSlot(context, event)))
      );
    case "PREPARE":
      return isPastOrBeyondView(context, event) || !isFromBackup(context, event) || !isFromOtherReplica(context, event) || !isAboveLowWatermark(context, event) || isDoneSlotOfView(context, event);
    case "COMMIT":
      return isPastOrBeyondView(context, event) || !isFromOtherReplica(context, event) || !isAboveLowWatermark(context, event) || isDoneSlotOfView(context, event);
    case "CHECKPOINT":
      return !isFromOtherReplica(context, event) || !isAboveLowWatermark(context, event);
    case "FETCH":
    case "STATE":
      return isObsoleteStateTransfer(context, event);
    case "VIEW-CHANGE":
      return !isFromOtherReplica(context, event) || !isForViewAhead(context, event) || !isValidViewChange(context, event) || !isNewViewChangeVote(context, event);
    case "NEW-VIEW":
      return !isFromPrimary(context, event) || !isFromOtherReplica(context, event) || !isForViewAhead(context, event) || !hasValidViewChangeSet(context, event) || !hasConsistentNewView(context, event);
    default:
      return false;
  }
};

/**
 * `isObsolete` for state transfer (TOCS §6.2). A FETCH from another replica may be answered
 * once this one executes far enough, so only a bad signer makes it obsolete. A STATE is taken
 * only for the checkpoint being fetched, which is above the executed prefix and only moves up:
 * one at or below what it executed, below the checkpoint it fetches, or for that checkpoint
 * with a digest that does not match (one digest is stable per seq), is refused for ever.
 */
const isObsoleteStateTransfer: Rule = (context, event) => {
  if (!isFromOtherReplica(context, event)) return true;
  if (event.type !== "STATE") return false;
  if (event.seq <= context.lastExecuted) return true;
  if (context.fetching === null) return false;
  return event.seq < context.fetching.seq || (event.seq === context.fetching.seq && !hasMatchingStateDigest(context, event));
};
