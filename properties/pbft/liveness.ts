import type { RuntimeInvariant, RuntimeLiveness, RuntimeView } from "../../impl/runtime/index.ts";
import { clientContexts, correctReplicaContexts } from "./reading.ts";

/**
 * TERM as liveness (seed catalogue A10, A18 VC2), as PBFT promises it (Castro & Liskov §4.5:
 * "clients eventually receive replies to their requests"): every fair run after GST reaches a
 * state where every client accepted a result for every request it was to send (f+1 matching
 * replies, so 2f+1 replicas executed it). Not "every correct replica executed it": a correct
 * replica may fall behind for good — it timed out into a view no one else needs — and catches
 * up only through a later checkpoint, which the bounded termination of dead ends still asks of
 * the normal case.
 */
export const everyRequestAccepted: RuntimeLiveness = {
  name: "every client's requests accepted",
  kind: "eventually",
  holds: (view) => clientContexts(view).every((client) => client.accepted.length === client.requests),
};

/**
 * The view change's cut-off (docs/adr/0004): a correct replica whose view-change timer fired in
 * the last modelled view, where the protocol would move on (replica-context.ts `pastLastView`,
 * set by the machine's `reachCutOff`).
 */
export const stoppedAtLastView: RuntimeInvariant = {
  name: "a correct replica's view-change timer fired in the last modelled view",
  holds: (view: RuntimeView) => correctReplicaContexts(view).some((context) => context.pastLastView),
};
