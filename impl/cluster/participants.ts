import type { Request } from "../../spec/common/messages.ts";
import type { ClusterState } from "./cluster-state.ts";

/**
 * One phrase per participant for the counterexample diagrams: each replica's slots with
 * their phase and request (e.g. `R1: "n1 committed c0t1"`), Byzantine replicas as such, and
 * each client's accepted results.
 */
export function describeClusterParticipants(state: ClusterState): Record<string, string> {
  const summaries: Record<string, string> = {};
  state.replicas.forEach((replica, id) => {
    if (replica === null) {
      summaries[`R${id}`] = "Byzantine";
      return;
    }
    const slots = Object.entries(replica.state.context.slots).map(([seq, slot]) => {
      const request = slot.context.request;
      return `n${seq} ${slot.value}${request === null ? "" : ` ${requestLabel(request)}`}`;
    });
    summaries[`R${id}`] = slots.length === 0 ? "idle" : slots.join(", ");
  });
  for (const client of state.clients) {
    const { id, accepted, requests } = client.state.context;
    summaries[`C${id}`] = `accepted ${accepted.length}/${requests}`;
  }
  return summaries;
}

/** "c0t1": client 0's request with timestamp 1, as the adversary's step arguments name it. */
function requestLabel(request: Request): string {
  return `c${request.client}t${request.timestamp}`;
}
