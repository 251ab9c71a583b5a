import type { RuntimeInvariant, RuntimeView } from "../../impl/runtime/index.ts";
import { clientContexts, correctReplicaContexts } from "./reading.ts";

/**
 * VALID for SMR (seed catalogue A9): every request a correct replica executes was sent by a
 * client — same client, timestamp and operation. No replica creates requests.
 */
export function validityHolds(view: RuntimeView): boolean {
  const sent = new Set(clientContexts(view).flatMap((client) => client.sent.map((r) => `${r.client}/${r.timestamp}/${r.op}`)));
  return correctReplicaContexts(view).every((context) =>
    context.executed.every((entry) => sent.has(`${entry.client}/${entry.timestamp}/${entry.op}`)),
  );
}

export const validity: RuntimeInvariant = { name: "validity", holds: validityHolds };
