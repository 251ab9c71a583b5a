import { canonicalJson } from "../../spec/common/canonical-json.ts";
import { InputError } from "../../spec/common/input-error.ts";
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
    case "input":
      return { step: runtime.stepKinds[action.offer.kind]![0], actor: name(action.actor), ...action.offer.fields } as ScheduleStep;
    case "replay":
      return { replay: `${runtime.messages.values[action.message]!.id} ${name(action.actor)}->${name(action.to)}`, from: name(action.actor), to: name(action.to) } as ScheduleStep;
  }
}

/** The enabled action a Schedule step names in `state`, or undefined (replay reports a divergence). */
export function actionOfStep<C, M extends { type: string }>(runtime: Runtime<C, M>, state: Uint32Array, step: ScheduleStep): RuntimeAction | undefined {
  checkProtocolStep(runtime, step);
  const wanted = canonicalJson(step);
  return enabledActions(runtime, state).find((action) => canonicalJson(stepOf(runtime, action)) === wanted);
}

/**
 * A protocol step read from a Schedule names a kind this protocol declares and has the fields
 * its schema allows; otherwise one line naming the field (an InputError: exit 2), not a step
 * that merely fails to match.
 */
function checkProtocolStep<C, M extends { type: string }>(runtime: Runtime<C, M>, step: ScheduleStep): void {
  const record = step as Record<string, unknown>;
  if (typeof record.step !== "string") return;
  const kind = runtime.stepKinds.find(([name]) => name === record.step);
  if (kind === undefined) {
    const known = runtime.stepKinds.map(([name]) => name);
    throw new InputError(`step.step: ${JSON.stringify(record.step)} is no step kind of ${runtime.protocol.name}; ${known.length === 0 ? "it declares none" : `use one of ${known.join(", ")}`}`);
  }
  const { step: _kind, actor: _actor, ...fields } = record;
  const parsed = kind[1].fields.safeParse(fields);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new InputError(`step.${issue.path.join(".") || "fields"} of a ${kind[0]} step: ${issue.message}`);
  }
}
