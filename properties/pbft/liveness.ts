import type { RuntimeInvariant, RuntimeLiveness, RuntimeView } from "../../impl/runtime/index.ts";
import type { ReplicaContext } from "../../spec/pbft/replica-context.ts";
import { isStoppedAtCutOff } from "../../spec/pbft/view-change-rules.ts";
import { clientContexts, CRASHABLE_REPLICA_ROLE } from "./reading.ts";

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
 * The view change's cut-off (docs/adr/0004): a correct replica that the last modelled view,
 * not the protocol, stops — its view-change timer would run, but it is in view maxView
 * (spec/pbft/view-change-rules.ts `isStoppedAtCutOff`, the machine's own rule).
 */
export const stoppedAtLastView: RuntimeInvariant = {
  name: "a correct replica stopped by the last modelled view",
  holds: (view: RuntimeView) =>
    view.actors.some(
      (actor) =>
        (actor.role === "replica" || actor.role === CRASHABLE_REPLICA_ROLE) &&
        actor.correct &&
        isStoppedAtCutOff(actor.context as ReplicaContext, changingViews(actor.value)),
    ),
};

/** Whether a replica's state value is its view-change state (XState's value: a string or a nested object). */
function changingViews(value: unknown): boolean {
  return value === "viewChanging" || (typeof value === "object" && value !== null && "viewChanging" in value);
}
