import type { ScheduleStep } from "../spec/common/schedule.ts";

/** One replayed step of a counterexample, as the reports draw it. */
export interface TraceStep {
  step: ScheduleStep;
  /** The step in words: the system's own (`TransitionSystem.describeStep`, e.g. a protocol step's label) or `describeStep(step)`. */
  description: string;
  /** Per-participant summaries after the step (e.g. "R1": "committed A"); optional. */
  participants?: Record<string, string>;
  /** Properties that fail in the state after this step. */
  violated: string[];
}

/** What a counterexample's last state shows for a property it fails, in the property's own words (Invariant.explain). */
export interface Evidence {
  property: string;
  lines: string[];
}

/** A message step drawn as an arrow between two lanes. */
export interface MessageArrow {
  from: string;
  to: string;
  label: string;
}

type MessageKind = "deliver" | "drop" | "duplicate";

/**
 * The arrow of a message step, from its structured `from`/`to` (the models write them); a step
 * without them is no arrow but a note, as a message id is the protocol's text and not read here.
 * The label is the id without its " from->to" tail, which the arrow already shows.
 */
export function stepArrow(step: ScheduleStep, kind: MessageKind): MessageArrow | undefined {
  const record = step as Record<string, unknown>;
  const id = record[kind];
  if (typeof id !== "string" || typeof record.from !== "string" || typeof record.to !== "string") return undefined;
  const tail = ` ${record.from}->${record.to}`;
  return { from: record.from, to: record.to, label: id.endsWith(tail) ? id.slice(0, -tail.length) : id };
}

/**
 * A protocol step's label for the note over its actor: its kind and fields (the default of
 * impl/runtime/protocol.ts's `label`), without the actor the note already stands on.
 */
export function protocolStepLabel(step: ScheduleStep): string | undefined {
  const { step: kind, actor, ...fields } = step as Record<string, unknown>;
  if (typeof kind !== "string" || typeof actor !== "string") return undefined;
  const rendered = Object.entries(fields).map(([key, value]) => `${key}=${typeof value === "string" ? value : JSON.stringify(value)}`);
  return [kind, ...rendered].join(" ");
}

/** The participant a step happens at or starts from (a protocol step's actor, a replayer, a crashed or timed-out actor). */
export function actorOf(step: ScheduleStep): string | undefined {
  const record = step as Record<string, unknown>;
  if (typeof record.step === "string" && typeof record.actor === "string") return record.actor;
  if (typeof record.replay === "string" && typeof record.from === "string") return record.from;
  for (const key of ["crash", "recover", "timeout"]) {
    if (typeof record[key] === "string") return record[key];
  }
  return undefined;
}

/**
 * The lanes of the sequence diagrams: the participants the model names (`known`, in its order:
 * the initial state's summaries), then any other the trace touches, in the order it meets them.
 */
export function participantsOf(trace: readonly TraceStep[], known: readonly string[] = []): string[] {
  const names = new Set<string>(known);
  for (const { step } of trace) {
    for (const kind of ["deliver", "drop", "duplicate"] as const) {
      const arrow = stepArrow(step, kind);
      if (arrow) names.add(arrow.from).add(arrow.to);
    }
    const actor = actorOf(step);
    if (actor) names.add(actor);
  }
  return [...names];
}
