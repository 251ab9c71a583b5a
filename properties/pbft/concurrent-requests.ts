import type { RuntimeInvariant } from "../../impl/runtime/index.ts";
import type { ReplicaContext } from "../../spec/pbft/replica-context.ts";
import { correctReplicaContexts } from "./reading.ts";

/**
 * Seed catalogue A18 asks for requests of several clients in flight at once: the window
 * (h, H] of L sequence numbers lets the primary pre-prepare a request before the one before it
 * has executed (§4.2, §4.3), which a model where every request runs alone never checks.
 */

/** The requests a replica has pre-prepared (or prepared, or committed) and not executed yet. */
function pendingRequests(context: ReplicaContext): { client: number; timestamp: number }[] {
  return Object.values(context.slots).flatMap((slot) =>
    slot.context.request !== null && slot.value !== "idle" && slot.value !== "executed" ? [{ client: slot.context.request.client, timestamp: slot.context.request.timestamp }] : [],
  );
}

/** Two clients' requests hold sequence numbers of one window at once at some correct replica, neither executed. */
export const bothClientsPrePrepared: RuntimeInvariant = {
  name: "two clients' requests pre-prepared in one window",
  holds: (view) => correctReplicaContexts(view).some((context) => new Set(pendingRequests(context).map((request) => request.client)).size >= 2),
};

/**
 * Three requests hold sequence numbers of one window at once at some correct replica, none
 * executed: a client's next request pre-prepared while its previous one and another client's
 * are still in the replica's log (the replica lags the f+1 that answered the client).
 */
export const threeRequestsPrePrepared: RuntimeInvariant = {
  name: "three requests pre-prepared in one window",
  holds: (view) => correctReplicaContexts(view).some((context) => pendingRequests(context).length >= 3),
};

/**
 * An equivocating primary's work (§4.2, "the primary is faulty"): two correct replicas logged
 * PRE-PREPAREs with different digests for one sequence number of one view.
 */
export const conflictingPrePreparesLogged: RuntimeInvariant = {
  name: "conflicting PRE-PREPAREs logged at one seq",
  holds: (view) => {
    const logged = new Map<string, string>();
    for (const context of correctReplicaContexts(view)) {
      for (const [seq, slot] of Object.entries(context.slots)) {
        if (slot.value === "idle" || slot.context.digest === null) continue;
        const key = `${slot.context.view} ${seq}`;
        const other = logged.get(key);
        if (other !== undefined && other !== slot.context.digest) return true;
        logged.set(key, slot.context.digest);
      }
    }
    return false;
  },
};
