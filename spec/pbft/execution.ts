import { canonicalJson } from "../common/canonical-json.ts";
import { sha256Hex } from "../common/digest.ts";
import type { ExecutedEntry, ReplicaContext, ReplicaOutput, RuleResult } from "./replica-context.ts";
import { advanceSlot } from "./slot-state.ts";
import { recordCheckpointVote } from "./checkpoint-log.ts";

/** The digest of the service state after the given history (§4.3 checkpoint digest). */
export function stateDigestOf(executed: readonly ExecutedEntry[]): string {
  return sha256Hex(canonicalJson(executed.map((entry) => [entry.seq, entry.digest, entry.result])));
}

/**
 * §4.2: a replica executes the request of a committed-local slot once every lower sequence
 * number has executed, replies to the client, and every K requests multicasts a CHECKPOINT
 * (§4.3). A request whose timestamp is not newer than the client's last executed one is
 * skipped (§4.1: at-most-once), but its sequence number still counts as executed.
 */
export function executeCommittedInOrder(context: ReplicaContext): RuleResult {
  let next = context;
  const outputs: ReplicaOutput[] = [];
  for (;;) {
    const seq = next.lastExecuted + 1;
    const slot = next.slots[seq];
    if (slot === undefined || slot.value !== "committed") break;
    const request = slot.context.request;
    if (request === null || slot.context.digest === null) throw new Error(`slot ${seq} is committed without a request`);
    const advanced = advanceSlot(slot, { type: "EXECUTE" });
    const last = next.lastTimestamp[request.client] ?? 0;
    const fresh = request.timestamp > last;
    const result = fresh ? `${request.op}:${next.executed.filter((entry) => entry.result !== null).length + 1}` : null;
    const entry: ExecutedEntry = { seq, digest: slot.context.digest, client: request.client, timestamp: request.timestamp, op: request.op, result };
    next = {
      ...next,
      lastExecuted: seq,
      slots: { ...next.slots, [seq]: advanced.slot },
      executed: [...next.executed, entry],
      lastTimestamp: fresh ? { ...next.lastTimestamp, [request.client]: request.timestamp } : next.lastTimestamp,
    };
    if (result !== null) {
      outputs.push({
        type: "REPLY",
        message: { type: "REPLY", view: next.view, timestamp: request.timestamp, client: request.client, replica: next.id, result },
      });
    }
    if (seq % next.checkpointInterval === 0) {
      const stateDigest = stateDigestOf(next.executed);
      outputs.push({ type: "MULTICAST", message: { type: "CHECKPOINT", seq, stateDigest, replica: next.id } });
      const recorded = recordCheckpointVote(next, seq, stateDigest, next.id);
      next = recorded.context;
      outputs.push(...recorded.outputs);
    }
  }
  return { context: next, outputs };
}
