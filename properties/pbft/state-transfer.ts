import type { RuntimeInvariant } from "../../impl/runtime/index.ts";
import { correctReplicaContexts } from "./reading.ts";

/**
 * What a model with state transfer must reach (OSDI §4.3 last paragraph, TOCS §6.2), so that its
 * pass is not vacuous: a correct replica that lagged behind a stable checkpoint adopted its
 * state, checked against the checkpoint's digest, instead of executing up to it itself.
 */
export const caughtUpByStateTransfer: RuntimeInvariant = {
  name: "a replica caught up by state transfer",
  holds: (view) => correctReplicaContexts(view).some((context) => context.adoptedState > 0),
};
