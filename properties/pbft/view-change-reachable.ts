import type { RuntimeInvariant } from "../../impl/runtime/index.ts";
import { correctReplicaContexts } from "./reading.ts";

/**
 * What a model with the view change must reach (Stateright's `sometimes`), so that its pass is
 * not vacuous: a view change completes, and the new view makes progress (§4.4).
 */

/** A correct replica installed a NEW-VIEW for view 1 or later. */
export const viewChangeCompleted: RuntimeInvariant = {
  name: "a view change completed",
  holds: (view) => correctReplicaContexts(view).some((context) => context.installedView >= 1),
};

/** A correct replica executed a client's request in a slot of view 1 or later (not a null request). */
export const requestExecutedInLaterView: RuntimeInvariant = {
  name: "a request executed in a view ≥ 1",
  holds: (view) =>
    correctReplicaContexts(view).some((context) => Object.values(context.slots).some((slot) => slot.value === "executed" && slot.context.view >= 1 && slot.context.request !== null)),
};

/**
 * Two consecutive view changes: a correct replica installed a NEW-VIEW for view 2 or later (its
 * replicas moved past view 1, whether or not view 1's NEW-VIEW was ever installed).
 */
export const secondViewChangeCompleted: RuntimeInvariant = {
  name: "a NEW-VIEW for view 2 installed",
  holds: (view) => correctReplicaContexts(view).some((context) => context.installedView >= 2),
};
