import type { RuntimeInvariant } from "../../impl/runtime/index.ts";
import type { ByzantineContext } from "../../spec/pbft/byzantine-replica-machine.ts";
import type { ViewChange } from "../../spec/pbft/messages.ts";
import { isValidViewChange, type CertificateRules } from "../../spec/pbft/view-change-certificates.ts";
import { BYZANTINE_REPLICA_ROLE, correctReplicaContexts } from "./reading.ts";

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

/**
 * A Byzantine replica's invalid VIEW-CHANGE refused (TOCS §4.4): it forged one whose prepared
 * certificate is partial or whose PREPARE signatures fail (`forge-view-change`), and none of
 * its invalid VIEW-CHANGEs is still in flight — its receiver's `isValidViewChange` refused it,
 * which makes it obsolete on arrival (the runtime discards it, as delivering it would change nothing).
 */
export function invalidViewChangeRefused(rules: CertificateRules): RuntimeInvariant {
  return {
    name: "a forged or partial VIEW-CHANGE refused",
    holds: (view) =>
      view.role(BYZANTINE_REPLICA_ROLE).some(
        (actor) =>
          (actor.context as ByzantineContext).forged.some((key) => /^forge-view-change certificate=(partial|forged) /.test(key)) &&
          !view.inFlight().some(({ from, message }) => from === actor.name && message.type === "VIEW-CHANGE" && !isValidViewChange(message as ViewChange, rules)),
      ),
  };
}
