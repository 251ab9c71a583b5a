import type { RuntimeInvariant, RuntimeView } from "../../impl/runtime/index.ts";
import { correctReplicaContexts } from "./reading.ts";
import { committedDigests } from "./committed.ts";

/**
 * AGREE (seed catalogue A8, A17; Castro & Liskov §4.2 invariant): no two correct replicas
 * commit (committed-local) or execute different requests at one sequence number.
 */
export function agreementHolds(view: RuntimeView): boolean {
  const bySeq = new Map<number, string>();
  for (const context of correctReplicaContexts(view)) {
    for (const [seq, digest] of committedDigests(context)) {
      const seen = bySeq.get(seq);
      if (seen !== undefined && seen !== digest) return false;
      bySeq.set(seq, digest);
    }
  }
  return true;
}

export const agreement: RuntimeInvariant = { name: "agreement", holds: agreementHolds };
