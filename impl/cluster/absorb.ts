import { primaryOf } from "../../spec/common/ids.ts";
import type { Envelope } from "../network/envelope.ts";
import { clientOfEndpoint, replicaOfEndpoint } from "../network/envelope.ts";
import type { ClusterState } from "./cluster-state.ts";

/**
 * Whether the receiver will ignore this message in every future state, so that delivering it
 * could change nothing but the network. The cluster absorbs such messages at once (a sound
 * partial-order reduction: no invariant reads the network, and no step is lost that could
 * change a replica or a client):
 * - PRE-PREPARE / PREPARE / COMMIT for n ≤ the receiver's last executed n: the slot is executed
 *   (it ignores everything) or garbage-collected (below h, rejected by the watermark rule);
 *   also any of them for another view (no view change here), a PREPARE from the primary, and a
 *   PRE-PREPARE for a slot that already accepted one;
 * - CHECKPOINT for n ≤ h (rejected by the low-watermark rule), and h only grows;
 * - REQUEST whose timestamp the receiver already executed or assigned (§4.1), which only grow;
 * - REPLY for a timestamp the client has already accepted or from a replica already counted.
 */
export function isIgnoredForever(state: ClusterState, envelope: Envelope): boolean {
  const { message } = envelope;
  const replica = replicaOfEndpoint(envelope.to);
  if (replica !== undefined) {
    const keyed = state.replicas[replica];
    if (keyed === null || keyed === undefined) return false;
    const context = keyed.state.context;
    switch (message.type) {
      case "PRE-PREPARE":
      case "PREPARE":
      case "COMMIT":
        // The normal case never leaves its view, and §4.2 never counts the primary's PREPARE.
        if (message.view !== context.view) return true;
        if (message.type === "PREPARE" && message.replica === primaryOf(message.view, context.n)) return true;
        // §4.2: once a pre-prepare is accepted for (v, n), no other one ever is.
        if (message.type === "PRE-PREPARE" && (context.slots[message.seq]?.value ?? "idle") !== "idle") return true;
        return message.seq <= context.lastExecuted;
      case "CHECKPOINT":
        return message.seq <= context.lowWatermark;
      case "REQUEST":
        return (
          message.timestamp <= (context.lastTimestamp[message.client] ?? 0) || message.timestamp <= (context.assigned[message.client] ?? 0)
        );
      default:
        return false;
    }
  }
  const client = clientOfEndpoint(envelope.to);
  if (client === undefined || message.type !== "REPLY") return false;
  const context = state.clients[client]!.state.context;
  if (message.timestamp <= context.accepted.length) return true;
  return Object.values(context.replies).some((replicas) => replicas.includes(message.replica));
}

/**
 * Whether the receiver cannot take the message in yet: a protocol message above its high
 * watermark H = h + L. It stays in flight until h moves (standing for the sender's
 * retransmission, Castro & Liskov §4.3/§5.2) instead of being lost.
 */
export function isAboveHighWatermark(state: ClusterState, envelope: Envelope): boolean {
  const replica = replicaOfEndpoint(envelope.to);
  if (replica === undefined) return false;
  const keyed = state.replicas[replica];
  if (keyed === null || keyed === undefined) return false;
  const { message } = envelope;
  if (message.type !== "PRE-PREPARE" && message.type !== "PREPARE" && message.type !== "COMMIT") return false;
  const context = keyed.state.context;
  return message.seq > context.lowWatermark + context.window;
}
