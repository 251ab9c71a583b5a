import type { RuntimeInvariant, RuntimeView } from "../../impl/runtime/index.ts";
import type { ByzantineContext } from "../../spec/pbft/byzantine-replica-machine.ts";
import type { PbftConfig } from "../../spec/pbft/config.ts";
import { requestDigest } from "../../spec/pbft/digest.ts";
import { replicaName } from "../../spec/pbft/ids.ts";
import type { PbftMessage } from "../../spec/pbft/messages.ts";
import { NULL_CLIENT } from "../../spec/pbft/null-request.ts";
import { hasRecomputedOrder } from "../../spec/pbft/view-change-certificates.ts";
import { correctReplicaContexts } from "./reading.ts";

/**
 * What a PBFT model expected to pass must be able to reach (Stateright's `Property::sometimes`),
 * so that its pass is not vacuous: agreement holds trivially in a model where nothing commits,
 * and a Byzantine behaviour whose forgery never arrives tests nothing.
 */

/** The normal case completes somewhere: one request is in every correct replica's history (§4.2). */
export const requestExecutedEverywhere: RuntimeInvariant = {
  name: "a request executed by every correct replica",
  holds(view) {
    const [first, ...others] = correctReplicaContexts(view);
    if (first === undefined) return false;
    return first.executed.some(({ client, timestamp }) => client !== NULL_CLIENT && others.every((context) => context.executed.some((entry) => entry.client === client && entry.timestamp === timestamp)));
  },
};

/** Garbage collection runs (§4.3): some correct replica moved its low watermark h to a stable checkpoint. */
export const checkpointMadeStable: RuntimeInvariant = {
  name: "a checkpoint made stable",
  holds: (view) => correctReplicaContexts(view).some((context) => context.lowWatermark > 0),
};

/** Which of a Byzantine replica's messages are a behaviour's forgeries (it sends nothing else). */
const FORGED_BY: Readonly<Record<string, (message: PbftMessage) => boolean>> = {
  equivocate: (message) => message.type === "PRE-PREPARE" && message.digest === requestDigest(message.request),
  "bad-digest": (message) => message.type === "PRE-PREPARE" && message.digest !== requestDigest(message.request),
  "conflicting-votes": (message) => message.type === "PREPARE" || message.type === "COMMIT",
  "forge-checkpoint": (message) => message.type === "CHECKPOINT",
  "forge-reply": (message) => message.type === "REPLY",
  // A NEW-VIEW whose O is not the one its V gives (forge-new-view), or is (equivocate-new-view).
  "forge-new-view": (message) => message.type === "NEW-VIEW" && !hasRecomputedOrder(message),
  "equivocate-new-view": (message) => message.type === "NEW-VIEW" && hasRecomputedOrder(message),
  "forge-view-change": (message) => message.type === "VIEW-CHANGE",
  "forge-state": (message) => message.type === "STATE",
};

/**
 * One per Byzantine replica and forging behaviour it is configured with: a forgery of that
 * behaviour has left the network — the replica made more of them than are still in flight. A
 * message leaves by its delivery, or is discarded at once where its receiver's `isObsolete`
 * says the delivery could change nothing (impl/runtime/protocol.ts), which is a delivery too
 * as far as any actor can tell.
 */
export function forgeriesDelivered(config: PbftConfig): RuntimeInvariant[] {
  return config.byzantine.flatMap(({ replica, behaviours }) =>
    behaviours
      .filter((behaviour) => FORGED_BY[behaviour] !== undefined)
      .map((behaviour) => ({
        name: `Byzantine ${replicaName(replica)}'s ${behaviour} forgery delivered to ${behaviour === "forge-reply" ? "a client" : "a correct replica"}`,
        holds: (view: RuntimeView) => {
          const actor = view.actor(replicaName(replica));
          const made = (actor.context as ByzantineContext).forged.filter((key) => key.startsWith(`${behaviour} `)).length;
          if (made === 0) return false;
          const inFlight = view
            .inFlight()
            .filter(({ from, message }) => from === actor.name && FORGED_BY[behaviour]!(message as PbftMessage))
            .reduce((sum, entry) => sum + entry.copies, 0);
          return made > inFlight;
        },
      })),
  );
}

