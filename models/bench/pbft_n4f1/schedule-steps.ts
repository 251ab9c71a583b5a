import { canonicalJson } from "../../../spec/common/canonical-json.ts";
import type { ScheduleStep } from "../../../spec/common/schedule.ts";
import { ACTIONS, ACTION_COUNT, ActionKind } from "./actions.ts";
import { VALUE_NAMES } from "./layout.ts";

/**
 * Instances as Schedule steps, in the runtime's vocabulary so that both oracles (this one and
 * pbft_n4f1_xstate) write the same Schedules: the primary's sends are its Byzantine steps
 * (`{ step, actor: "R0", to: "R1", value }`), receipts are deliveries of messages named
 * "TYPE Rfrom->Rto", with their endpoints (the network holds at most one per name).
 */
export function stepOfAction(action: number): ScheduleStep {
  const { kind, first, second } = ACTIONS[action];
  switch (kind) {
    case ActionKind.ByzPrePrepare:
      return { step: "pre-prepare", actor: replica(0), to: replica(first), value: VALUE_NAMES[second] };
    case ActionKind.ByzCommit:
      return { step: "commit", actor: replica(0), to: replica(first), value: VALUE_NAMES[second] };
    case ActionKind.RecvPrePrepare:
      return delivery("PRE-PREPARE", 0, first);
    case ActionKind.RecvPrepare:
      return delivery("PREPARE", first, second);
    case ActionKind.RecvCommit:
      return delivery("COMMIT", first, second);
  }
}

const replica = (index: number): string => `R${index}`;

function delivery(type: string, from: number, to: number): ScheduleStep {
  return { deliver: `${type} ${replica(from)}->${replica(to)}`, from: replica(from), to: replica(to) };
}

const ACTION_BY_KEY = new Map<string, number>();
for (let action = 0; action < ACTION_COUNT; action++) ACTION_BY_KEY.set(canonicalJson(stepOfAction(action)), action);

/**
 * The instance a step names, whether enabled or not; undefined for a step of another model. As
 * the runtime does, a step matches only as written in full: one field more or less is no near match.
 */
export function actionOfStep(step: ScheduleStep): number | undefined {
  return ACTION_BY_KEY.get(canonicalJson(step));
}
