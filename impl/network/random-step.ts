import type { ScheduleStep } from "../../spec/common/schedule.ts";
import type { NetworkState } from "./network.ts";
import type { Prng } from "../../explorer/prng.ts";

export interface NetworkFaults {
  drop: boolean;
  duplicate: boolean;
}

/**
 * The network's own choices, made by a seeded PRNG: which message in flight moves next and
 * whether it is delivered, lost or duplicated (only where the model enables loss or duplication).
 * The PRNG is the explorer's (only its type is imported, as for `TransitionSystem`): one
 * generator for the whole project, so a simulation's choices flow from its seed as a walk's do.
 */
export function chooseNetworkStep(network: NetworkState, random: Prng, faults: NetworkFaults): ScheduleStep | undefined {
  if (network.length === 0) return undefined;
  const { id } = network[random.below(network.length)]!;
  const kinds: ("deliver" | "drop" | "duplicate")[] = ["deliver"];
  if (faults.drop) kinds.push("drop");
  if (faults.duplicate) kinds.push("duplicate");
  const kind = kinds[random.below(kinds.length)]!;
  if (kind === "drop") return { drop: id };
  if (kind === "duplicate") return { duplicate: id };
  return { deliver: id };
}
