import type { RuntimeInvariant, RuntimeView } from "../../impl/runtime/index.ts";
import { NULL_CLIENT } from "../../spec/pbft/null-request.ts";
import { clientContexts, correctReplicaContexts } from "./reading.ts";

/**
 * VALID for SMR (seed catalogue A9): every request a correct replica executes was sent by a
 * client — same client, timestamp and operation. No replica creates requests.
 */
export function validityHolds(view: RuntimeView): boolean {
  const sent = new Set(clientContexts(view).flatMap((client) => client.sent.map((r) => `${r.client}/${r.timestamp}/${r.op}`)));
  return correctReplicaContexts(view).every((context) =>
    // TOCS §4.4: a null request (client NULL_CLIENT) is no client's and changes no state.
    context.executed.every((entry) => entry.client === NULL_CLIENT || sent.has(`${entry.client}/${entry.timestamp}/${entry.op}`)),
  );
}

export const validity: RuntimeInvariant = { name: "validity", holds: validityHolds };
