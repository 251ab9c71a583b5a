import { explore } from "../explorer/index.ts";
import type { Result } from "../explorer/result.ts";
import { progressReporter } from "./progress.ts";
import { runCheckpoints } from "./checkpoints.ts";
import type { RunSetup } from "./run-flags.ts";
import { judge, type ModelReport } from "../reporting/index.ts";
import { coversOf, judgeOptionsOf, traceOf, type ModelDefinition, type PinnedSearch } from "../models/index.ts";
export { isPinnedSearch, pinnedSearchOf, traceOf } from "../models/index.ts";

/** The search a run takes: models/pinned-search.ts names it. */
export type RunLimits = PinnedSearch;

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
    ...(replayed?.evidence === undefined ? {} : { evidence: replayed.evidence }),
  };
}

