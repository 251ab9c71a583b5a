import { primaryOf } from "../../spec/common/ids.ts";
import { InputError } from "../../spec/common/input-error.ts";
import type { PbftConfig } from "../../spec/common/pbft-config.ts";

/** Behaviours that send PRE-PREPAREs. */
const PRIMARY_ONLY = ["equivocate", "bad-digest"] as const;

/**
 * The fault assumption (Castro & Liskov §2): at most f replicas are faulty. A model that
 * breaks it on purpose (e.g. pbft/n4_f2) says so with `exceedFaultBudget: true`.
 */
export function assertFaultBudget(config: PbftConfig): void {
  if (config.byzantine.length > config.f && !config.exceedFaultBudget) {
    throw new InputError(
      `byzantine: ${config.byzantine.length} Byzantine replicas exceed the fault budget f = ${config.f}; ` +
        `set exceedFaultBudget: true to model more faults on purpose`,
    );
  }
  const primary = primaryOf(0, config.n);
  config.byzantine.forEach((entry, index) => {
    // §4.2: backups accept PRE-PREPAREs only from the primary, so only the primary can send them.
    for (const behaviour of PRIMARY_ONLY) {
      if (entry.behaviours.includes(behaviour) && entry.replica !== primary) {
        throw new InputError(
          `byzantine[${index}].behaviours: ${behaviour} needs the primary of view 0 (replica ${primary}), not replica ${entry.replica}`,
        );
      }
    }
  });
}

/** Replicas that follow the protocol. */
export function correctReplicas(config: PbftConfig): number[] {
  const faulty = new Set(config.byzantine.map((entry) => entry.replica));
  return Array.from({ length: config.n }, (_, id) => id).filter((id) => !faulty.has(id));
}
