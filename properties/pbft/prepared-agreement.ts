import type { RuntimeInvariant, RuntimeView } from "../../impl/runtime/index.ts";
import { correctReplicaContexts } from "./reading.ts";

const PREPARED_OR_LATER = new Set(["prepared", "committed", "executed"]);

/**
 * The Castro–Liskov invariant behind agreement (§4.2, seed catalogue A15): if prepared(m, v, n, i)
 * and prepared(m′, v, n, j) hold for correct i and j, then D(m) = D(m′). Not part of the safety
 * suite (the violation models' pinned verdicts name agreement): the models expected to pass
 * check it as an extra invariant, and the random-schedule suites check it everywhere.
 */
export function preparedAgreementHolds(view: RuntimeView): boolean {
  const bySlot = new Map<string, string>();
  for (const context of correctReplicaContexts(view)) {
    for (const slot of Object.values(context.slots)) {
      if (!PREPARED_OR_LATER.has(slot.value) || slot.context.digest === null) continue;
      const key = `${slot.context.view}/${slot.context.seq}`;
      const seen = bySlot.get(key);
      if (seen !== undefined && seen !== slot.context.digest) return false;
      bySlot.set(key, slot.context.digest);
    }
  }
  return true;
}

export const preparedAgreement: RuntimeInvariant = { name: "prepared agreement", holds: preparedAgreementHolds };
