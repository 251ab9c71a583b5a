import { randomInt } from "node:crypto";
import { assertResumable, Checkpointer, describeRun, openCheckpoint, restoreParts, type SearchResume } from "./checkpoint/index.ts";
import { corruptCheckpoint } from "./checkpoint/corrupt.ts";
import type { SectionReader } from "./checkpoint/sections.ts";
import { scheduleOf } from "./counterexample.ts";
import { shrinkCounterexample } from "./shrink.ts";
import { parseExploreOptions, type ExploreOptions } from "./options.ts";
import { ParentLog } from "./parent-log.ts";
import { PropertyChecker } from "./property-checker.ts";
import type { Result } from "./result.ts";
import { RunMonitor } from "./run-monitor.ts";
import { StateEncoder } from "./state-encoder.ts";
import { breadthFirst, DEFAULT_WALK_LENGTH, depthFirst, randomWalk, type SearchContext, type SearchOutcome } from "./strategies/index.ts";
import type { TransitionSystem } from "./transition-system.ts";
import { ExactStateStore, FingerprintStore, omissionProbability, type VisitedSet } from "./visited/index.ts";
import { sometimesResults } from "./witnesses.ts";
import { checkLiveness } from "./liveness/check-liveness.ts";
import { MAX_LIVENESS_PROPERTIES, StateGraph } from "./liveness/state-graph.ts";
import type { LivenessResult } from "./result.ts";
import { InputError } from "../spec/common/input-error.ts";

/**
 * Explores `system` with the chosen strategy and limits and reports a Result: "pass" (the
 * whole reachable space checked), "violation" (with a counterexample Schedule, shortest under
 * BFS), "no-violation" (every random walk ran, nothing found) or "incomplete" (a limit hit,
 * aborted, or the system threw: the figures are those reached so far). With
 * `checkpoint`, the search state is saved periodically; with `resumeFrom`, the run continues
 * from such a checkpoint and reaches exactly the figures of an uninterrupted run.
 */
/** A resumed run first gives the system back what its saved states refer to (its interning tables). */
function restoreSystemContext<S, A>(system: TransitionSystem<S, A>, sections: SectionReader): void {
  const has = sections.has("system.context");
  if (system.systemContext === undefined) {
    if (has) throw corruptCheckpoint("system.context: saved by a system with a context, this one has none");
    return;
  }
  if (!has) throw corruptCheckpoint("system.context: missing, and this system's states need it");
  system.systemContext.restore(sections.get("system.context", Uint8Array));
}

export async function explore<S, A>(system: TransitionSystem<S, A>, options: ExploreOptions = {}): Promise<Result> {
  const { settings, hooks } = parseExploreOptions(options);
  const saved = hooks.resumeFrom ? openCheckpoint(hooks.resumeFrom) : undefined;
  // A resumed run without a seed of its own goes on with the checkpoint's.
  const seed = settings.seed ?? saved?.header.settings.seed ?? (settings.strategy === "random" ? randomInt(0, 2 ** 31) : 0);
  const run = describeRun(settings, seed, hooks.checkpoint?.identity);
  if (saved) {
    assertResumable(saved.header, run);
    restoreSystemContext(system, saved.sections);
  }
  const restored = saved ? restoreParts(saved.header, saved.sections, settings) : undefined;
  const visited: VisitedSet = restored?.visited ?? (settings.fingerprint ? new FingerprintStore() : new ExactStateStore());
  const parents = restored?.parents ?? new ParentLog();
  const checker = new PropertyChecker(system.invariants, system.terminal, settings.stopAtFirstViolation, system.sometimes);
  if (saved) checker.restore(saved.header.checker, { states: visited.size, ids: settings.strategy === "bfs" });
  const monitor = new RunMonitor(settings, hooks, saved?.header.elapsedSeconds ?? 0);
  const context: SearchContext<S, A> = {
    system,
    settings,
    visited,
    parents,
    monitor,
    checker,
    encoder: new StateEncoder(system, settings.symmetry),
  };
  const liveness = settings.checkInvariants ? (system.liveness ?? []) : [];
  if (liveness.length > MAX_LIVENESS_PROPERTIES) throw new InputError(`explore: the system declares ${liveness.length} liveness properties; one run checks at most ${MAX_LIVENESS_PROPERTIES}`);
  // The liveness checks need every edge: only an exhaustive BFS from the start keeps them.
  // Under symmetry the stored states are orbit representatives, whose action indices are not the run's.
  if (liveness.length > 0 && settings.strategy === "bfs" && !saved && !settings.symmetry) context.graph = new StateGraph();
  if (hooks.checkpoint) {
    context.checkpoint = new Checkpointer(hooks.checkpoint, run, { visited, parents: settings.strategy === "bfs" ? parents : undefined, checker, monitor, systemContext: system.systemContext });
  }

  const outcome = await search(context, seed, restored?.search, hooks.signal?.aborted === true);
  const seconds = monitor.seconds();
  const result: Result = {
    model: settings.model,
    result: outcome.verdict,
    distinctStates: outcome.distinctStates,
    transitions: outcome.transitions,
    maxDepth: outcome.maxDepth,
    seconds,
    statesPerSecond: seconds > 0 ? outcome.distinctStates / seconds : 0,
    seed,
    strategy: settings.strategy,
    terminalStates: outcome.terminalStates,
    bytesPerState: visited.bytesPerState() + (settings.strategy === "bfs" ? parents.bytesPerState(visited.size) : 0),
  };
  if (outcome.limitHit !== undefined) result.limitHit = outcome.limitHit;
  if (outcome.error !== undefined) result.error = outcome.error;
  if (outcome.statesPerDepth !== undefined) result.statesPerDepth = outcome.statesPerDepth;
  if (outcome.runs !== undefined) result.runs = outcome.runs;
  if (outcome.maxSteps !== undefined) result.maxSteps = outcome.maxSteps;
  if (settings.checkInvariants && checker.terminalViolations !== undefined) result.terminalViolations = checker.terminalViolations;
  if (Object.keys(checker.counts).length > 0) result.violationCounts = { ...checker.counts };
  if (settings.fingerprint) result.omissionProbability = omissionProbability(outcome.distinctStates);
  const origin = { model: settings.model, config: settings.config, seed };
  // Unchecked (checkInvariants: false), they would all read "never reached" for no reason.
  if (settings.checkInvariants && checker.sometimes.properties.length > 0) {
    result.sometimes = sometimesResults(system, checker.sometimes, parents, origin, settings.strategy !== "bfs");
  }
  if (liveness.length > 0) {
    const decided = outcome.verdict === "pass" && context.graph !== undefined && checker.first === undefined;
    result.liveness = decided
      ? checkLiveness(system, context.graph!, origin)
      : liveness.map((property) => unchecked(property, uncheckedReason(settings.strategy, saved !== undefined, outcome.verdict, settings.symmetry)));
    if (context.graph !== undefined) result.graphBytesPerState = context.graph.bytesPerState();
    const violated = result.liveness.find((entry) => entry.verdict === "violated");
    if (violated !== undefined) {
      result.result = "violation";
      result.property = violated.name;
      result.violationKind = "liveness";
      result.counterexample = violated.lasso;
    }
  }
  // A violation found before a limit (stopAtFirstViolation: false) is still a violation.
  const first = checker.first;
  if (first !== undefined) {
    result.result = "violation";
    result.property = first.property;
    result.violationKind = first.property === system.terminal?.name ? "deadlock" : "invariant";
    const counterexample = scheduleOf(system, first.path, origin);
    // BFS's counterexample is already a shortest one; DFS's and a random walk's are shrunk.
    if (settings.strategy !== "bfs") {
      const shrunk = shrinkCounterexample(system, counterexample.steps, first.property);
      if (shrunk.length < counterexample.steps.length) result.shrunkFrom = counterexample.steps.length;
      counterexample.steps = shrunk;
    }
    result.counterexample = counterexample;
  }
  return result;
}

function unchecked(property: { name: string; kind: LivenessResult["kind"] }, reason: string): LivenessResult {
  return { name: property.name, kind: property.kind, verdict: "unchecked", reason };
}

/** Why a run left its liveness properties undecided, in one phrase. */
function uncheckedReason(strategy: string, resumed: boolean, verdict: string, symmetry: boolean): string {
  if (strategy !== "bfs") return "liveness needs the whole state graph: run an exhaustive BFS";
  if (symmetry) return "under symmetry reduction the graph holds orbit representatives, not runs: run without it";
  if (resumed) return "a resumed run does not have the graph of the run before it: run again from the start";
  if (verdict === "violation") return "a safety property failed first";
  return "the run did not explore the whole space";
}

function search<S, A>(context: SearchContext<S, A>, seed: number, resume: SearchResume | undefined, aborted: boolean): Promise<SearchOutcome> {
  const { strategy } = context.settings;
  // Aborted before it starts: nothing explored (a resumed run reports the checkpoint's figures at its first poll).
  if (aborted && resume === undefined) {
    const outcome: SearchOutcome = { verdict: "incomplete", limitHit: "interrupted", distinctStates: 0, transitions: 0, maxDepth: 0, terminalStates: 0 };
    if (strategy === "random") Object.assign(outcome, { runs: 0, maxSteps: context.settings.maxDepth ?? DEFAULT_WALK_LENGTH });
    return Promise.resolve(outcome);
  }
  if (strategy === "bfs") return breadthFirst(context, resume);
  if (strategy === "dfs") return depthFirst(context, resume);
  return randomWalk(context, seed, resume);
}
