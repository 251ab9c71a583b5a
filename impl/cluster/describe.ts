import type { ClusterState } from "./cluster-state.ts";

/** One line per replica and client, for traces: phase per slot, watermark, executed log. */
export function describeCluster(state: ClusterState): string {
  const lines = state.replicas.map((replica, id) => {
    if (replica === null) return `replica ${id}: Byzantine`;
    const c = replica.state.context;
    const slots = Object.entries(c.slots)
      .map(([seq, slot]) => `n${seq}:${slot.value}`)
      .join(" ");
    const executed = c.executed.map((entry) => `${entry.seq}=${entry.op}${entry.result === null ? "(skipped)" : ""}`).join(",");
    return `replica ${id}: h=${c.lowWatermark} executed [${executed}] ${slots}`.trimEnd();
  });
  for (const client of state.clients) {
    const c = client.state.context;
    lines.push(`client ${c.id}: sent ${c.sent.length}, accepted [${c.accepted.map((a) => a.result).join(",")}]`);
  }
  lines.push(`in flight: ${state.network.length} distinct message(s)`);
  return lines.join("\n");
}
