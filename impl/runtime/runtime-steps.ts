import { canonicalJson } from "../../spec/common/canonical-json.ts";
import type { ScheduleStep } from "../../spec/common/schedule.ts";
import type { RuntimeAction } from "./runtime-actions.ts";
import { enabledActions } from "./runtime-actions.ts";
import type { Runtime } from "./runtime.ts";

/**
 * Runtime actions as Schedule steps, with structured endpoints for the diagrams: a delivery is
 * `{ deliver: "PROMISE b1 A0->P0", from: "A0", to: "P0" }` (the message's id and the endpoints),
 * an expiry `{ timeout: "P0", timer: "retry" }`, a crash `{ crash: "P1" }`.
 */
export function stepOf<C, M extends { type: string }>(runtime: Runtime<C, M>, action: RuntimeAction): ScheduleStep {
  const name = (actor: number): string => runtime.actors[actor]!.name;
  switch (action.kind) {
    case "deliver":
    case "drop": {
      const { from, to, message } = runtime.envelopes.values[action.envelope]!;
      const id = `${runtime.messages.values[message]!.id} ${name(from)}->${name(to)}`;
      const step: Record<string, unknown> = action.kind === "deliver" ? { deliver: id, from: name(from), to: name(to) } : { drop: id, from: name(from), to: name(to) };
      if (action.kind === "deliver" && action.crashAfter !== undefined) step.crashAfter = action.crashAfter;
      return step as ScheduleStep;
    }
    case "timeout": {
      const timer = runtime.timerNames.get(runtime.actors[action.actor]!.role)![action.timer]!;
      return (action.crashAfter === undefined ? { timeout: name(action.actor), timer } : { timeout: name(action.actor), timer, crashAfter: action.crashAfter }) as ScheduleStep;
    }
    case "crash":
      return { crash: name(action.actor) } as ScheduleStep;
  }
}

/** The enabled action a Schedule step names in `state`, or undefined (replay reports a divergence). */
export function actionOfStep<C, M extends { type: string }>(runtime: Runtime<C, M>, state: Uint32Array, step: ScheduleStep): RuntimeAction | undefined {
  const wanted = canonicalJson(step);
  return enabledActions(runtime, state).find((action) => canonicalJson(stepOf(runtime, action)) === wanted);
}
