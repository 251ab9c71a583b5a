import { requestDigest } from "./digest.ts";
import { primaryOf } from "./ids.ts";
import type { ReplicaContext, ReplicaEvent } from "./replica-context.ts";
import { isWithinWatermarks } from "./watermarks.ts";

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

/** §4.1: a request is new if its timestamp is above the client's last assigned or executed one. */
export const isNewRequest: Rule = (context, event) =>
  event.type === "REQUEST" && event.timestamp > (context.assigned[event.client] ?? 0) && event.timestamp > (context.lastTimestamp[event.client] ?? 0);

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

/** A slot executed (or collected below h) takes no message again (slot-machine.ts: `executed` is final). */
const isExecutedSlot: Rule = (context, event) => seqOf(event) <= context.lastExecuted;

/**
 * The machine's `isObsolete` (impl/runtime/protocol.ts): a delivery its guards refuse in this
 * snapshot and every later one. Each clause is a refusing guard over something that never comes
 * back: the view (there is no view change here), the role it fixes, the signer and digest (part
 * of the message), h, the executed prefix, the assigned and executed timestamps and a slot's
 * phase, which only grow.
 */
export const isObsoleteDelivery: Rule = (context, event) => {
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
    case "CHECKPOINT":
      return !isFromOtherReplica(context, event) || !isAboveLowWatermark(context, event);
  }
};
