import { canonicalJson } from "../../spec/common/canonical-json.ts";
import type { ClientState } from "../../spec/pbft/client-machine.ts";
import type { ReplicaState } from "../../spec/pbft/replica-state.ts";
import type { SlotState } from "../../spec/pbft/slot-state.ts";

/**
 * Names for the request digests a model can produce ("c0t1"), so that state keys stay short:
 * a 64-hex digest appears in every slot, vote and log entry. Unknown digests stay in full,
 * which keeps the key injective.
 */
export type DigestNames = ReadonlyMap<string, string>;

function nameOf(names: DigestNames, digest: string | null): string | null {
  return digest === null ? null : (names.get(digest) ?? digest);
}

function votesKey(names: DigestNames, votes: Record<string, number[]>): [string | null, number[]][] {
  return Object.entries(votes)
    .map(([digest, voters]): [string | null, number[]] => [nameOf(names, digest), voters])
    .sort((a, b) => (String(a[0]) < String(b[0]) ? -1 : 1));
}

function slotKey(names: DigestNames, slot: SlotState): unknown {
  // The request is omitted: an accepted pre-prepare's digest is the digest of its request.
  const { context } = slot;
  return [slot.value, nameOf(names, context.digest), votesKey(names, context.prepares), votesKey(names, context.commits)];
}

/**
 * The canonical key of a replica snapshot: every field that can differ between two
 * replicas of one model, in a fixed order; constants (n, f, quorums, window) are left out.
 */
export function replicaKey(names: DigestNames, replica: ReplicaState): string {
  const c = replica.context;
  const slots = Object.keys(c.slots)
    .map(Number)
    .sort((a, b) => a - b)
    .map((seq) => [seq, slotKey(names, c.slots[seq]!)]);
  const checkpoints = Object.keys(c.checkpoints)
    .map(Number)
    .sort((a, b) => a - b)
    .map((seq) => [seq, Object.entries(c.checkpoints[seq]!).sort()]);
  return canonicalJson([
    replica.value,
    c.view,
    c.lowWatermark,
    c.nextSeq,
    c.lastExecuted,
    slots,
    c.queue.map((request) => [request.client, request.timestamp, request.op]),
    c.assigned,
    checkpoints,
    c.executed.map((entry) => [entry.seq, nameOf(names, entry.digest), entry.result]),
    c.lastTimestamp,
  ]);
}

export function clientKey(client: ClientState): string {
  const c = client.context;
  return canonicalJson([client.value, c.pending?.timestamp ?? null, c.replies, c.sent.map((request) => request.op), c.accepted]);
}
