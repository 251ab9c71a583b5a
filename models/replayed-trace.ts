import { replay } from "../explorer/replay.ts";
import type { TraceStep } from "../reporting/trace.ts";
import { parseInput } from "../spec/common/input-error.ts";
import { describeStep, type Schedule } from "../spec/common/schedule.ts";
import type { ModelDefinition } from "./model.ts";

export interface ReplayedTrace {
  steps: TraceStep[];
  initialParticipants?: Record<string, string>;
}

/** Replays a schedule on its model and turns it into the reports' trace. */
export function traceOf(model: ModelDefinition, schedule: Schedule): ReplayedTrace {
  const system = model.build(parseInput(model.configSchema, schedule.config, "schedule config"));
  const trace = replay(system, schedule);
  return {
    initialParticipants: system.describeParticipants?.(trace.initial.state),
    steps: trace.steps.map((entry) => ({
      step: entry.step,
      description: describeStep(entry.step),
      participants: system.describeParticipants?.(entry.state),
      violated: entry.failing,
    })),
  };
}
