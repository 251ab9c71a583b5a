import type { RuntimeInvariant, RuntimeView } from "../../impl/runtime/index.ts";
import { correctReplicaContexts } from "./reading.ts";

/**
 * ONCE (seed catalogue A17): a correct replica executes each client request (client,
 * timestamp) at most once, under duplication, replay and more than a quorum of messages.
 */
export function integrityHolds(view: RuntimeView): boolean {
  return correctReplicaContexts(view).every((context) => {
    const executed = context.executed.filter((entry) => entry.result !== null).map((entry) => `${entry.client}/${entry.timestamp}`);
    return new Set(executed).size === executed.length;
  });
}

export const integrity: RuntimeInvariant = { name: "integrity", holds: integrityHolds };
