import type { RuntimeInvariant, RuntimeView } from "../../impl/runtime/index.ts";
import { hasRecomputedOrder, hasViewChangeQuorum, type CertificateRules } from "../../spec/pbft/view-change-certificates.ts";
import { correctReplicaContexts } from "./reading.ts";

/**
 * No correct replica installs a NEW-VIEW inconsistent with what it verified (Castro & Liskov
 * §4.4): the NEW-VIEW it installed last has 2f+1 valid VIEW-CHANGEs for its view in V, an O
 * that is the one computed from V, and while the replica is in that view each of its slots at a
 * seq of O carries O's digest. `rules` are the paper's certificate sizes, not the replica's own
 * (a mutant's weakened quorum fails here).
 */
export function newViewConsistentHolds(rules: CertificateRules) {
  return (view: RuntimeView): boolean =>
    correctReplicaContexts(view).every((context) => {
      const newView = context.lastNewView;
      if (newView === null) return true;
      if (!hasViewChangeQuorum(newView, rules) || !hasRecomputedOrder(newView)) return false;
      if (context.view !== newView.view) return true;
      return newView.prePrepares.every((entry) => {
        const slot = context.slots[entry.seq];
        return slot === undefined || slot.context.view !== newView.view || slot.context.digest === null || slot.context.digest === entry.digest;
      });
    });
}

export function newViewConsistent(rules: CertificateRules): RuntimeInvariant {
  return { name: "NEW-VIEW installed as verified", holds: newViewConsistentHolds(rules) };
}
