import type { ReplicaContext } from "../../spec/pbft/replica-context.ts";

/**
 * What a correct replica has committed: (seq, digest) for every executed entry and every slot
 * in the committed or executed phase (the slot log is discarded below h; the history is not).
 */
export function committedDigests(context: ReplicaContext): [number, string][] {
  const committed = new Map<number, string>();
  for (const entry of context.executed) committed.set(entry.seq, entry.digest);
  for (const [seq, slot] of Object.entries(context.slots)) {
    if ((slot.value === "committed" || slot.value === "executed") && slot.context.digest !== null) {
      committed.set(Number(seq), slot.context.digest);
    }
  }
  return [...committed.entries()];
}
