import { replay } from "../explorer/replay.ts";
import type { Evidence, TraceStep } from "../reporting/trace.ts";
import { parseInput } from "../spec/common/input-error.ts";
import { describeStep, type Schedule } from "../spec/common/schedule.ts";
import type { ModelDefinition } from "./model.ts";

export interface ReplayedTrace {
  steps: TraceStep[];
  initialParticipants?: Record<string, string>;
  /** What the last state shows for each property it fails that can explain itself (Invariant.explain). */
  evidence?: Evidence[];
}

/** Replays a schedule on its model and turns it into the reports' trace. */
export function traceOf(model: ModelDefinition, schedule: Schedule): ReplayedTrace {
  const system = model.build(parseInput(model.configSchema, schedule.config, "schedule config"));
  const trace = replay(system, schedule);
  const last = trace.steps.at(-1) ?? trace.initial;
  const evidence = system.invariants
    .filter((invariant) => invariant.explain !== undefined && last.failing.includes(invariant.name))
    .map((invariant) => ({ property: invariant.name, lines: [...invariant.explain!(last.state)] }));
  return {
    ...(evidence.length === 0 ? {} : { evidence }),
    initialParticipants: system.describeParticipants?.(trace.initial.state),
    steps: trace.steps.map((entry) => ({
      step: entry.step,
      description: describeStep(entry.step),
      participants: system.describeParticipants?.(entry.state),
      violated: entry.failing,
    })),
  };
}
