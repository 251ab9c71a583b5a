import { InputError } from "../../spec/common/input-error.ts";
import type { FaultModel, NetworkModel, TimeModel } from "./protocol.ts";

/**
 * A protocol's network, fault and time declarations, checked once when a model is built: a
 * mistake is an InputError that names the field, never a state space that quietly means
 * something else. (Partitions check themselves: partitions.ts.)
 */
export function checkDeclarations(network: NetworkModel, faults: FaultModel, time: TimeModel, where: string): void {
  const { duplication } = network;
  if (duplication !== "none" && duplication !== "persistent") {
    const copies = typeof duplication === "object" && duplication !== null ? duplication.copies : undefined;
    if (!isWhole(copies, 1)) throw new InputError(`${where}: network.duplication.copies must be a whole number, at least 1 (the duplicate steps a run may take), not ${JSON.stringify(copies)}`);
  }
  if (!isWhole(faults.crashes, 0)) throw new InputError(`${where}: faults.crashes must be a whole number, at least 0, not ${JSON.stringify(faults.crashes)}`);
  if (faults.budget !== undefined && !isWhole(faults.budget, 0)) throw new InputError(`${where}: faults.budget must be a whole number, at least 0 (f: the faulty actors and crashes a run may have), not ${JSON.stringify(faults.budget)}`);
  if (faults.replay !== undefined && !isWhole(faults.replay.budget, 1)) throw new InputError(`${where}: faults.replay.budget must be a whole number, at least 1 (the replays a run may take), not ${JSON.stringify(faults.replay.budget)}`);
  const ordering = network.ordering ?? "unordered";
  if (ordering !== "unordered" && ordering !== "fifo") throw new InputError(`${where}: network.ordering must be "unordered" or "fifo", not ${JSON.stringify(ordering)}`);
  // A FIFO link is a queue: a copy out of order or a message kept for ever is no queue.
  if (ordering === "fifo" && duplication !== "none") throw new InputError(`${where}: network.ordering "fifo" needs network.duplication "none" (a FIFO link delivers each message once, in order)`);
  if (time.kind === "async") return;
  if (time.kind !== "partial-sync") throw new InputError(`${where}: time.kind must be "async" or "partial-sync", not ${JSON.stringify((time as { kind: unknown }).kind)}`);
  if (!isWhole(time.delta, 1)) throw new InputError(`${where}: time.delta must be a whole number of steps, at least 1, not ${JSON.stringify(time.delta)}`);
  const timeouts = time.timeouts ?? "delta";
  if (timeouts !== "delta" && timeouts !== "long-enough") throw new InputError(`${where}: time.timeouts must be "delta" or "long-enough", not ${JSON.stringify(timeouts)}`);
  // A delivered message stays in flight for ever there: its age would hold its receiver's timers for good.
  if (duplication === "persistent") throw new InputError(`${where}: time "partial-sync" needs network.duplication "none" or { copies }: under "persistent" a delivered message stays in flight, and the Δ rule would hold its receiver's timers for ever`);
}

function isWhole(value: unknown, least: number): value is number {
  return typeof value === "number" && Number.isSafeInteger(value) && value >= least;
}
