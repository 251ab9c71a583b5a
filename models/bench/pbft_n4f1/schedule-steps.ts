import type { ScheduleStep } from "../../../spec/common/schedule.ts";
import { ACTIONS, ACTION_COUNT, ActionKind } from "./actions.ts";
import { VALUE_NAMES } from "./layout.ts";

/**
 * Instances as Schedule steps: the primary's sends are Byzantine behaviours, receipts are
 * deliveries of messages named "TYPE from->to" (the network holds at most one per name).
 */
export function stepOfAction(action: number): ScheduleStep {
  const { kind, first, second } = ACTIONS[action];
  switch (kind) {
    case ActionKind.ByzPrePrepare:
      return { byzantine: 0, behaviour: "pre-prepare", to: first, value: VALUE_NAMES[second] };
    case ActionKind.ByzCommit:
      return { byzantine: 0, behaviour: "commit", to: first, value: VALUE_NAMES[second] };
    case ActionKind.RecvPrePrepare:
      return { deliver: `PRE-PREPARE 0->${first}` };
    case ActionKind.RecvPrepare:
      return { deliver: `PREPARE ${first}->${second}` };
    case ActionKind.RecvCommit:
      return { deliver: `COMMIT ${first}->${second}` };
  }
}

function stepKey(step: ScheduleStep): string {
  if ("deliver" in step) return `deliver ${step.deliver}`;
  if ("byzantine" in step) {
    const { byzantine, behaviour, ...args } = step;
    const keys = Object.keys(args).sort();
    if (keys.join(",") !== "to,value") return `unknown ${JSON.stringify(step)}`;
    return `byzantine ${byzantine} ${behaviour} to=${String(args.to)} value=${String(args.value)}`;
  }
  return `unknown ${JSON.stringify(step)}`;
}

const ACTION_BY_KEY = new Map<string, number>();
for (let action = 0; action < ACTION_COUNT; action++) ACTION_BY_KEY.set(stepKey(stepOfAction(action)), action);

/** The instance a step names, whether enabled or not; undefined for a step of another model. */
export function actionOfStep(step: ScheduleStep): number | undefined {
  return ACTION_BY_KEY.get(stepKey(step));
}
