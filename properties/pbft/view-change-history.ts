import type { HistoryDeclaration, RuntimeView } from "../../impl/runtime/index.ts";
import { correctReplicaContexts } from "./reading.ts";
import { committedDigests } from "./committed.ts";

/**
 * A ghost history for the view change (the runtime's `history`: facts about moments that no
 * replica keeps, since a NEW-VIEW replaces the slots of the view it ends): every digest a correct
 * replica ever committed at each seq, in any view, and every (view, seq, digest) a correct
 * replica ever prepared, with those replicas.
 */
export interface ViewChangeHistory {
  /** seq → the digests committed there by correct replicas, in any view, sorted. */
  committed: Record<string, string[]>;
  /** "view/seq/digest" → the correct replicas that were prepared (or later) on it, sorted. */
  prepared: Record<string, number[]>;
}

const PREPARED_OR_LATER = new Set(["prepared", "committed", "executed"]);

const added = <T extends string | number>(list: readonly T[] | undefined, item: T): T[] | undefined =>
  list?.includes(item) ? undefined : [...(list ?? []), item].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

export function nextViewChangeHistory(history: ViewChangeHistory, view: RuntimeView): ViewChangeHistory {
  let committed = history.committed;
  let prepared = history.prepared;
  for (const context of correctReplicaContexts(view)) {
    for (const [seq, digest] of committedDigests(context)) {
      const grown = added(committed[seq], digest);
      if (grown !== undefined) committed = { ...committed, [seq]: grown };
    }
    for (const [seq, slot] of Object.entries(context.slots)) {
      if (!PREPARED_OR_LATER.has(slot.value) || slot.context.digest === null) continue;
      const key = `${slot.context.view}/${seq}/${slot.context.digest}`;
      const grown = added(prepared[key], context.id);
      if (grown !== undefined) prepared = { ...prepared, [key]: grown };
    }
  }
  return committed === history.committed && prepared === history.prepared ? history : { committed, prepared };
}

export const viewChangeHistory: HistoryDeclaration<ViewChangeHistory> = { initial: { committed: {}, prepared: {} }, next: nextViewChangeHistory };

/** The history as the properties read it (`view.history` of a model with the view change). */
export const historyOf = (view: RuntimeView): ViewChangeHistory => view.history as ViewChangeHistory;
