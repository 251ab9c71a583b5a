import type { RuntimeInvariant, RuntimeView } from "../../impl/runtime/index.ts";
import { clientContexts, correctReplicaContexts } from "./reading.ts";

/**
 * TERM, bounded form (seed catalogue A10, A13): checked in terminal states (no step enabled:
 * every message delivered or discarded as obsolete, every forgery made). It fails if some request a client
 * sent is not executed by some correct replica, or if some client has not accepted a result
 * for every request it was to send (§4.1: f+1 matching replies): the run ended without progress.
 */
export function terminationHolds(view: RuntimeView): boolean {
  const clientsDone = clientContexts(view).every((client) => client.accepted.length === client.requests);
  if (!clientsDone) return false;
  const sent = clientContexts(view).flatMap((client) => client.sent);
  return correctReplicaContexts(view).every((context) =>
    sent.every((request) => context.executed.some((entry) => entry.client === request.client && entry.timestamp === request.timestamp)),
  );
}

export const termination: RuntimeInvariant = { name: "termination", holds: terminationHolds };
