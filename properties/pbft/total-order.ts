import type { RuntimeInvariant, RuntimeView } from "../../impl/runtime/index.ts";
import { correctReplicaContexts } from "./reading.ts";

/**
 * ORDER and SMR-STATE (seed catalogue A17): each correct replica executes 1, 2, 3, … with no gap
 * and no repeat, and the executed logs of correct replicas are prefixes of one another — the
 * same request (digest and operation) at each position, with the same result, so that a
 * digest check gone wrong cannot hide two operations under one digest.
 */
export function totalOrderHolds(view: RuntimeView): boolean {
  const logs = correctReplicaContexts(view).map((context) => context.executed);
  if (!logs.every((log) => log.every((entry, index) => entry.seq === index + 1))) return false;
  const longest = logs.reduce((a, b) => (b.length > a.length ? b : a), []);
  return logs.every((log) =>
    log.every((entry, index) => {
      const other = longest[index]!;
      return entry.digest === other.digest && entry.op === other.op && entry.result === other.result;
    }),
  );
}

export const totalOrder: RuntimeInvariant = { name: "total order", holds: totalOrderHolds };
