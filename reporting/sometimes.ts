import type { Result, SometimesResult } from "../explorer/result.ts";
import { formatCount } from "./figures.ts";

/**
 * How the reports word a run's `sometimes` properties (Stateright's `Property::sometimes`):
 * the tally next to a verdict, and each witness's length and how it was found.
 */

/** "2/3 sometimes", or undefined when the run reports none. */
export function sometimesTally(result: Result): string | undefined {
  const entries = result.sometimes ?? [];
  if (entries.length === 0) return undefined;
  return `${entries.filter((entry) => entry.discovered).length}/${entries.length} sometimes`;
}

/** "7 steps, shortest", "1 step, shrunk from 12", "0 steps: the initial state"; undefined when not discovered. */
export function witnessLength(entry: SometimesResult, strategy: Result["strategy"]): string | undefined {
  const steps = entry.witness?.steps.length;
  if (steps === undefined) return undefined;
  if (steps === 0) return "0 steps: the initial state";
  const count = `${formatCount(steps)} step${steps === 1 ? "" : "s"}`;
  // BFS's witness leads to the first state found where it holds: a shortest one, as a counterexample is.
  if (strategy === "bfs" || strategy === undefined) return `${count}, shortest`;
  return entry.shrunkFrom === undefined ? count : `${count}, shrunk from ${formatCount(entry.shrunkFrom)}`;
}

/** Why an undiscovered one matters, by verdict: only an exhaustive pass is made vacuous by it. */
export function unreachedNote(result: Result): string {
  return result.result === "pass" ? "never reached: the pass may be vacuous" : "not reached in this run";
}
