import type { ReplicaId } from "../common/ids.ts";
import type { ReplicaContext, RuleResult } from "./replica-context.ts";

/**
 * §4.3: log a CHECKPOINT vote; when 2f+1 replicas vouch for one (n, d) the checkpoint is
 * stable: the low watermark moves to n and every slot and checkpoint at or below it is
 * discarded (garbage collection).
 */
export function recordCheckpointVote(context: ReplicaContext, seq: number, stateDigest: string, replica: ReplicaId): RuleResult {
  const bySeq = context.checkpoints[seq] ?? {};
  const voters = bySeq[stateDigest] ?? [];
  if (voters.includes(replica)) return { context, outputs: [] };
  const nextVoters = [...voters, replica].sort((a, b) => a - b);
  const next: ReplicaContext = {
    ...context,
    checkpoints: { ...context.checkpoints, [seq]: { ...bySeq, [stateDigest]: nextVoters } },
  };
  // A replica only trusts a checkpoint it has reached itself (it holds the state to match d).
  const isStable = nextVoters.length >= context.checkpointQuorum && next.lastExecuted >= seq && seq > context.lowWatermark;
  return { context: isStable ? collectGarbage(next, seq) : next, outputs: [] };
}

/** §4.3: discard the log at or below the new low watermark h. */
export function collectGarbage(context: ReplicaContext, stableSeq: number): ReplicaContext {
  const keep = <T>(record: Record<string, T>): Record<string, T> =>
    Object.fromEntries(Object.entries(record).filter(([seq]) => Number(seq) > stableSeq));
  return { ...context, lowWatermark: stableSeq, slots: keep(context.slots), checkpoints: keep(context.checkpoints) };
}
