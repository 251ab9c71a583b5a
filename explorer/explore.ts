import { randomInt } from "node:crypto";
import { scheduleOf } from "./counterexample.ts";
import { shrinkCounterexample } from "./shrink.ts";
import { parseExploreOptions, type ExploreOptions } from "./options.ts";
import { ParentLog } from "./parent-log.ts";
import { PropertyChecker } from "./property-checker.ts";
import type { Result } from "./result.ts";
import { RunMonitor } from "./run-monitor.ts";
import { StateEncoder } from "./state-encoder.ts";
import { breadthFirst, depthFirst, randomWalk, type SearchContext, type SearchOutcome } from "./strategies/index.ts";
import type { TransitionSystem } from "./transition-system.ts";
import { ExactStateStore, FingerprintStore, omissionProbability } from "./visited/index.ts";

/**
 * Explores `system` with the chosen strategy and limits and reports a Result: "pass" (the
 * whole reachable space checked), "violation" (with a counterexample Schedule, shortest under
 * BFS) or "incomplete" (a limit hit or aborted; the figures are those reached so far).
 */
export async function explore<S, A>(system: TransitionSystem<S, A>, options: ExploreOptions = {}): Promise<Result> {
  const { settings, hooks } = parseExploreOptions(options);
  const seed = settings.seed ?? (settings.strategy === "random" ? randomInt(0, 2 ** 31) : 0);
  const visited = settings.fingerprint ? new FingerprintStore() : new ExactStateStore();
  const parents = new ParentLog();
  const monitor = new RunMonitor(settings, hooks);
  const context: SearchContext<S, A> = {
    system,
    settings,
    visited,
    parents,
    monitor,
    checker: new PropertyChecker(system.invariants, system.terminal, settings.stopAtFirstViolation),
    encoder: new StateEncoder(system, settings.symmetry),
  };

  let outcome: SearchOutcome;
  if (hooks.signal?.aborted) outcome = { verdict: "incomplete", limitHit: "interrupted", distinctStates: 0, transitions: 0, maxDepth: 0, terminalStates: 0 };
  else if (settings.strategy === "bfs") outcome = await breadthFirst(context);
  else if (settings.strategy === "dfs") outcome = await depthFirst(context);
  else outcome = await randomWalk(context, seed);

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
  if (outcome.statesPerDepth !== undefined) result.statesPerDepth = outcome.statesPerDepth;
  if (settings.checkInvariants && context.checker.terminalViolations !== undefined) result.terminalViolations = context.checker.terminalViolations;
  if (Object.keys(context.checker.counts).length > 0) result.violationCounts = { ...context.checker.counts };
  if (settings.fingerprint) result.omissionProbability = omissionProbability(outcome.distinctStates);
  // A violation found before a limit (stopAtFirstViolation: false) is still a violation.
  const first = context.checker.first;
  if (first !== undefined) {
    result.result = "violation";
    result.property = first.property;
    const counterexample = scheduleOf(system, first.path, { model: settings.model, config: settings.config, seed });
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
