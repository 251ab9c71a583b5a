import type { RuntimeInvariant, RuntimeView } from "../../impl/runtime/index.ts";
import { clientContexts, correctReplicaContexts } from "./reading.ts";

/**
 * Client safety (Castro & Liskov §4.1): a client accepts a result only with f+1 replies from
 * different replicas carrying it, which "ensures that the result is valid, since at most f
 * replicas can be faulty". So every result a client accepted is the result the correct
 * replicas computed for that request, wherever a correct replica has executed it (a skipped
 * repeat, result null, is not an execution).
 */
export function clientSafetyHolds(view: RuntimeView): boolean {
  const executedResults = new Map<string, string>();
  for (const context of correctReplicaContexts(view)) {
    for (const entry of context.executed) {
      if (entry.result !== null) executedResults.set(`${entry.client}/${entry.timestamp}`, entry.result);
    }
  }
  return clientContexts(view).every((client) =>
    client.accepted.every(({ timestamp, result }) => {
      const executed = executedResults.get(`${client.id}/${timestamp}`);
      return executed === undefined || executed === result;
    }),
  );
}

export const clientSafety: RuntimeInvariant = { name: "client safety", holds: clientSafetyHolds };
