import type { RuntimeInvariant, RuntimeView } from "../../impl/runtime/index.ts";
import { historyOf } from "./view-change-history.ts";

/**
 * Agreement across views (seed catalogue A18 VC1; Castro & Liskov §4.4, TOCS §4.5.1 Safety): a
 * request committed at seq n at a correct replica in any view is the only one ever committed at
 * n by a correct replica, in that view or any later one. Read off the ghost history, so that a
 * commit whose slot a NEW-VIEW has since replaced still counts.
 */
export function agreementAcrossViewsHolds(view: RuntimeView): boolean {
  return Object.values(historyOf(view).committed).every((digests) => digests.length <= 1);
}

export const agreementAcrossViews: RuntimeInvariant = { name: "agreement across views", holds: agreementAcrossViewsHolds };
