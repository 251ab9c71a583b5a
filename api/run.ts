import { explore as exploreSystem, type ExploreOptions, type Progress } from "../explorer/index.ts";
import { replay as replaySystem } from "../explorer/replay.ts";
import { resultSchema, type Result } from "../explorer/result.ts";
import { judgeOptionsOf, pinnedSearchOf, type PinnedSearch } from "../models/pinned-search.ts";
import type { ModelDefinition } from "../models/model.ts";
import { judge, type Judgement } from "../reporting/verdict.ts";
import { parseInput } from "../spec/common/input-error.ts";
import { describeStep, scheduleSchema, type Schedule } from "../spec/common/schedule.ts";

/** What one run found, and whether it is what the model pins (reporting/verdict.ts `judge`). */
export interface RunOutcome {
  result: Result;
  judgement: Judgement;
  /** The judgement's outcome is "as-expected": the verdict, and where the search is the pinned one its figures. */
  asExpected: boolean;
}

/** Limits every run takes; a run that hits one is "incomplete" with partial figures. */
export interface RunLimits {
  maxStates?: number;
  timeSeconds?: number;
  maxMemoryMB?: number;
  /** Aborting it stops the run as Ctrl-C does: "incomplete", limit "interrupted". */
  signal?: AbortSignal;
  onProgress?: (progress: Progress) => void;
}

async function run(model: ModelDefinition<unknown>, search: PinnedSearch, limits: RunLimits): Promise<RunOutcome> {
  const options: ExploreOptions = {
    ...search,
    ...(limits.maxStates === undefined ? {} : { maxStates: limits.maxStates }),
    ...(limits.timeSeconds === undefined ? {} : { timeSeconds: limits.timeSeconds }),
    ...(limits.maxMemoryMB === undefined ? {} : { maxMemoryMB: limits.maxMemoryMB }),
    ...(limits.signal === undefined ? {} : { signal: limits.signal }),
    ...(limits.onProgress === undefined ? {} : { onProgress: limits.onProgress }),
    model: model.name,
    config: model.config as Record<string, unknown>,
  };
  const result = await exploreSystem(model.build(model.config), options);
  const judgement = judge(result, model.expected, judgeOptionsOf(model, { ...search, maxStates: options.maxStates }));
  return { result, judgement, asExpected: judgement.outcome === "as-expected" };
}

/**
 * Checks a model as `consensus-check check` does: exhaustive BFS (or the model's pinned
 * simulation), every invariant in every state, `sometimes` and liveness where declared, judged
 * against the model's pinned expectation.
 */
export function check<Config>(model: ModelDefinition<Config>, limits: RunLimits = {}): Promise<RunOutcome> {
  return run(model as ModelDefinition<unknown>, pinnedSearchOf(model as ModelDefinition<unknown>, limits.maxStates), limits);
}

/** A search of one's choosing (`explore`): BFS, DFS with a depth bound, random walks, fingerprints. */
export interface ExploreChoice extends RunLimits {
  strategy?: "bfs" | "dfs" | "random";
  maxDepth?: number;
  /** Random walks: how many (the strategy "random"). */
  walks?: number;
  /** 64-bit fingerprints instead of whole states (TLC's and SPIN's hash compaction). */
  fingerprint?: boolean;
  /** Every random choice flows from it (random walks, and the order DFS takes successors in). */
  seed?: number;
}

/** Explores a model under any strategy and limits; the figures are judged only where the search is the pinned one. */
export function explore<Config>(model: ModelDefinition<Config>, choice: ExploreChoice = {}): Promise<RunOutcome> {
  const { strategy = "bfs", maxDepth, walks, fingerprint, seed, ...limits } = choice;
  const search: PinnedSearch = {
    strategy,
    seed: seed ?? 0,
    ...(maxDepth === undefined ? {} : { maxDepth }),
    ...(walks === undefined ? {} : { walks }),
    ...(fingerprint === undefined ? {} : { fingerprint }),
  };
  return run(model as ModelDefinition<unknown>, search, limits);
}

/** `simulate`: seeded random schedules through the model, a violation shrunk to a short one. */
export function simulate<Config>(model: ModelDefinition<Config>, options: { runs: number; seed: number; maxSteps?: number } & RunLimits): Promise<RunOutcome> {
  const { runs, seed, maxSteps, ...limits } = options;
  return run(model as ModelDefinition<unknown>, { strategy: "random", walks: runs, seed, ...(maxSteps === undefined ? {} : { maxDepth: maxSteps }) }, limits);
}

/** What replaying a schedule on a model showed. */
export interface ReplayOutcome {
  /** The property the schedule's last state violates first, with the step it first fails at (0: the initial state). */
  violation?: { property: string; step: number };
  /** Each step in words, as the reports write it. */
  steps: string[];
}

/**
 * Replays a Schedule (or a Result's counterexample) on a model, bit for bit: every step must be
 * enabled where it is taken, and a lasso's cycle must close on the state it started from, else
 * an error names the step.
 */
export function replay<Config>(model: ModelDefinition<Config>, input: Schedule | Result | unknown): ReplayOutcome {
  const schedule = scheduleOf(input);
  const config = parseInput(model.configSchema, schedule.config, "schedule config");
  const trace = replaySystem(model.build(config), schedule);
  const outcome: ReplayOutcome = { steps: trace.steps.map((entry) => describeStep(entry.step)) };
  if (trace.firstViolation !== undefined) outcome.violation = { property: trace.firstViolation.property, step: trace.firstViolation.index + 1 };
  return outcome;
}

function scheduleOf(input: unknown): Schedule {
  const asResult = resultSchema.safeParse(input);
  if (asResult.success) {
    if (asResult.data.counterexample === undefined) return parseInput(scheduleSchema, undefined, "result counterexample");
    return asResult.data.counterexample;
  }
  return parseInput(scheduleSchema, input, "schedule");
}
