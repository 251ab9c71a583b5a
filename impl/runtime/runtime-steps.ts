import { canonicalJson } from "../../spec/common/canonical-json.ts";
import type { ScheduleStep } from "../../spec/common/schedule.ts";
import type { RuntimeAction } from "./runtime-actions.ts";
import { enabledActions } from "./runtime-actions.ts";
import type { Runtime } from "./runtime.ts";

/**
 * Runtime actions as Schedule steps, with structured endpoints for the diagrams: a delivery is
 * `{ deliver: "PROMISE b1 A0->P0", from: "A0", to: "P0" }` (the message's id and the endpoints;
 * so are a drop and a duplication), an expiry `{ timeout: "P0", timer: "retry" }`, a crash
 * `{ crash: "P1" }`, a recovery `{ recover: "P1" }`, a partition its sides as declared
 * (`{ partition: [["P0", "A0"], ["A1", "A2"]] }`), then `{ heal: true }` and `{ gst: true }`.
 */
export function stepOf<C, M extends { type: string }>(runtime: Runtime<C, M>, action: RuntimeAction): ScheduleStep {
  const name = (actor: number): string => runtime.actors[actor]!.name;
  switch (action.kind) {
    case "deliver":
    case "drop":
    case "duplicate": {
      const { from, to, message } = runtime.envelopes.values[action.envelope]!;
      const id = `${runtime.messages.values[message]!.id} ${name(from)}->${name(to)}`;
      const step: Record<string, unknown> = { [action.kind]: id, from: name(from), to: name(to) };
      if (action.kind === "deliver" && action.crashAfter !== undefined) step.crashAfter = action.crashAfter;
      return step as ScheduleStep;
    }
    case "timeout": {
      const timer = runtime.timerNames.get(runtime.actors[action.actor]!.role)![action.timer]!;
      return (action.crashAfter === undefined ? { timeout: name(action.actor), timer } : { timeout: name(action.actor), timer, crashAfter: action.crashAfter }) as ScheduleStep;
    }
    case "crash":
      return { crash: name(action.actor) } as ScheduleStep;
    case "recover":
      return { recover: name(action.actor) } as ScheduleStep;
    case "partition":
      return { partition: runtime.partitions!.declared[action.partition]!.map((side) => [...side]) } as ScheduleStep;
    case "heal":
      return { heal: true };
    case "gst":
      return { gst: true };
  }
}

/** The enabled action a Schedule step names in `state`, or undefined (replay reports a divergence). */
export function actionOfStep<C, M extends { type: string }>(runtime: Runtime<C, M>, state: Uint32Array, step: ScheduleStep): RuntimeAction | undefined {
  const wanted = canonicalJson(step);
  return enabledActions(runtime, state).find((action) => canonicalJson(stepOf(runtime, action)) === wanted);
}
