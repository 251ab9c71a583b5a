import type { ScheduleStep } from "../spec/common/schedule.ts";

/** One replayed step of a counterexample, as the reports draw it. */
export interface TraceStep {
  step: ScheduleStep;
  /** `describeStep(step)`. */
  description: string;
  /** Per-participant summaries after the step (e.g. "R1": "committed A"); optional. */
  participants?: Record<string, string>;
  /** Properties that fail in the state after this step. */
  violated: string[];
}

/** A message arrow parsed from a message id of the form "TYPE … from->to" (impl/network's ids). */
export interface MessageArrow {
  from: number;
  to: number;
  label: string;
}

const ARROW = /(\d+)\s*->\s*(\d+)/;

export function messageArrow(messageId: string): MessageArrow | undefined {
  const match = ARROW.exec(messageId);
  if (!match) return undefined;
  const label = messageId.replace(ARROW, "").replace(/\s+/g, " ").trim();
  return { from: Number(match[1]), to: Number(match[2]), label: label || messageId };
}
