import type { RuntimeInvariant, RuntimeView } from "../../impl/runtime/index.ts";
import { newViewOrder } from "../../spec/pbft/new-view-order.ts";
import { correctReplicaContexts } from "./reading.ts";
import { historyOf } from "./view-change-history.ts";

/**
 * Prepared certificates preserved into NEW-VIEW (Castro & Liskov §4.4, TOCS §4.5.1): a request
 * prepared at (v, n) by f+1 correct replicas — the correct members of any 2f+1 prepared quorum —
 * is the request O assigns n in every NEW-VIEW for a later view that a correct replica installed,
 * unless n is at or below that NEW-VIEW's checkpoint min-s. Any 2f+1 VIEW-CHANGEs include one of
 * the f+1, whose P carries the certificate (or a later one for the same request).
 */
export function preparedPreservedHolds(f: number) {
  return (view: RuntimeView): boolean => {
    const quorumPrepared = Object.entries(historyOf(view).prepared)
      .filter(([, replicas]) => replicas.length >= f + 1)
      .map(([key]) => {
        const [preparedView, seq, digest] = key.split("/");
        return { view: Number(preparedView), seq: Number(seq), digest: digest! };
      });
    return correctReplicaContexts(view).every((context) => {
      const newView = context.lastNewView;
      if (newView === null) return true;
      const { minS, prePrepares } = newViewOrder(newView.viewChanges);
      return quorumPrepared.every(
        (prepared) => prepared.view >= newView.view || prepared.seq <= minS || prePrepares.find((entry) => entry.seq === prepared.seq)?.digest === prepared.digest,
      );
    });
  };
}

export function preparedPreserved(f: number): RuntimeInvariant {
  return { name: "prepared certificates preserved into NEW-VIEW", holds: preparedPreservedHolds(f) };
}
