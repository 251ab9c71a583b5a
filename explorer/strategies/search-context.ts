import { InputError } from "../../spec/common/input-error.ts";
import type { Checkpointer } from "../checkpoint/index.ts";
import type { ExploreSettings } from "../options.ts";
import type { ParentLog } from "../parent-log.ts";
import type { PropertyChecker } from "../property-checker.ts";
import type { LimitKind } from "../result.ts";
import type { RunMonitor } from "../run-monitor.ts";
import type { StateEncoder } from "../state-encoder.ts";
import type { TransitionSystem } from "../transition-system.ts";
import type { VisitedSet } from "../visited/index.ts";
import type { StateGraph } from "../liveness/state-graph.ts";

/** Everything a search strategy works with; built once per run by `explore`. */
export interface SearchContext<S, A> {
  system: TransitionSystem<S, A>;
  settings: ExploreSettings;
  visited: VisitedSet;
  parents: ParentLog;
  checker: PropertyChecker<S>;
  monitor: RunMonitor;
  encoder: StateEncoder<S>;
  /** Present when the run saves checkpoints. */
  checkpoint?: Checkpointer;
  /** Present when BFS keeps the whole graph for the system's liveness properties. */
  graph?: StateGraph;
}

/** What a strategy found; `explore` turns it into a Result. */
export interface SearchOutcome {
  verdict: "pass" | "violation" | "incomplete" | "no-violation";
  limitHit?: LimitKind;
  distinctStates: number;
  transitions: number;
  maxDepth: number;
  terminalStates: number;
  statesPerDepth?: number[];
  /** Random walk: walks completed, and the length bound of one. */
  runs?: number;
  maxSteps?: number;
  /** limitHit "error": what the system threw, one line. */
  error?: string;
}

/**
 * The one-line message of an error the system threw mid-search (a bug in a model's `step`,
 * `actions`, an invariant): the run ends "incomplete" with it rather than losing its figures.
 * Bad input (an InputError: a checkpoint whose contents do not add up) is no such bug and is
 * thrown on, to be reported as bad input.
 */
export function errorLine(error: unknown): string {
  if (error instanceof InputError) throw error;
  const message = error instanceof Error ? error.message : String(error);
  const line = message.split("\n").find((part) => part.trim() !== "") ?? "";
  return line.trim() || (error instanceof Error ? error.name : "unknown error");
}
