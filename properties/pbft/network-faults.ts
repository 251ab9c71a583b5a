import type { RuntimeInvariant } from "../../impl/runtime/index.ts";
import { clientContexts } from "./reading.ts";

/**
 * What a model on a lossy, duplicating network must reach, so that its pass is a pass of those
 * faults: the runtime's view shows the messages in flight and the actors' states, not the steps
 * taken, so each witness is a state that only a drop or a duplicate can lead to.
 */

/**
 * A client waits for a result with nothing in flight: nothing can ever answer it (no client
 * retransmits, no timer fires in the normal case). With a correct primary and at most f silent
 * replicas this cannot happen without loss: every message sent is delivered, the request goes
 * through the three phases, and every correct replica that executes it replies.
 */
export const clientStrandedByLoss: RuntimeInvariant = {
  name: "a client waiting with nothing in flight (a message lost)",
  holds: (view) => view.inFlight().length === 0 && clientContexts(view).some((client) => client.pending !== null),
};

/**
 * A message in flight in two copies: a `duplicate` step copied it (a correct replica or client
 * sends one message to one receiver once: one vote per slot, one reply per execution, one
 * request per timestamp; a Byzantine `replay` copies too). Either copy may be delivered first,
 * at any later point; the second then counts for nothing (a vote is counted once per sender, a
 * reply once per replica, a request once per timestamp), or is discarded at once where its
 * receiver's `isObsolete` says no delivery could change anything.
 */
export const messageDuplicated: RuntimeInvariant = {
  name: "a message in flight in two copies (duplicated)",
  holds: (view) => view.inFlight().some((entry) => entry.copies >= 2),
};
