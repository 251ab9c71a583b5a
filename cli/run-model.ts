import { explore, replay } from "../explorer/index.ts";
import type { ExploreOptions } from "../explorer/index.ts";
import type { Result } from "../explorer/result.ts";
import { parseInput } from "../spec/common/input-error.ts";
import { describeStep } from "../spec/common/schedule.ts";
import type { Schedule } from "../spec/common/schedule.ts";
import { progressReporter } from "./progress.ts";
import { runCheckpoints } from "./checkpoints.ts";
import type { RunSetup } from "./run-flags.ts";
import { judge, type ModelReport, type TraceStep } from "../reporting/index.ts";
import { coversOf, judgeOptionsOf, type ModelDefinition } from "../models/index.ts";
export { isPinnedSearch, pinnedSearchOf } from "../models/index.ts";

export type RunLimits = Pick<ExploreOptions, "strategy" | "maxStates" | "maxDepth" | "fingerprint" | "seed" | "walks">;

/**
 * Explores one model under the given limits with a progress bar and checkpoints, stops cleanly
 * on a signal (the partial figures are still reported), and replays the counterexample for the
 * reports.
 */
export async function runModel(model: ModelDefinition, limits: RunLimits, setup: RunSetup, signal: AbortSignal): Promise<ModelReport> {
  const system = model.build(model.config);
  const strategy = limits.strategy ?? "bfs";
  const checkpoints = runCheckpoints(setup.checkpoints, model.name, strategy, (line) => process.stderr.write(`${line}\n`));
  const expectedStates = limits.maxStates ?? model.expected.distinctStates;
  const progress = progressReporter(model.name, expectedStates, setup.quiet);
  let result: Result;
  try {
    result = await explore(system, {
      ...limits,
      timeSeconds: setup.timeSeconds,
      maxMemoryMB: setup.maxMemoryMB,
      model: model.name,
      config: model.config as Record<string, unknown>,
      signal,
      onProgress: (snapshot) => progress.update(snapshot),
      checkpoint: checkpoints.hook,
      resumeFrom: checkpoints.resumeFrom,
    });
  } catch (error) {
    throw checkpoints.refusal(error);
  } finally {
    progress.stop();
  }
  checkpoints.resumed();
  checkpoints.settle(result);
  const replayed = result.counterexample ? traceOf(model, result.counterexample) : undefined;
  return {
    result,
    description: model.description,
    assumptions: model.assumptions,
    covers: coversOf(model, model.config),
    judgement: judge(result, model.expected, judgeOptionsOf(model, limits)),
    warnings: model.warnings?.(model.config) ?? [],
    trace: replayed?.steps,
    initialParticipants: replayed?.initialParticipants,
  };
}

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
