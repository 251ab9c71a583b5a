import type { ExploreSettings } from "../options.ts";
import type { ParentLog } from "../parent-log.ts";
import type { PropertyChecker } from "../property-checker.ts";
import type { LimitKind } from "../result.ts";
import type { RunMonitor } from "../run-monitor.ts";
import type { StateEncoder } from "../state-encoder.ts";
import type { TransitionSystem } from "../transition-system.ts";
import type { VisitedSet } from "../visited/index.ts";

/** Everything a search strategy works with; built once per run by `explore`. */
export interface SearchContext<S, A> {
  system: TransitionSystem<S, A>;
  settings: ExploreSettings;
  visited: VisitedSet;
  parents: ParentLog;
  checker: PropertyChecker<S>;
  monitor: RunMonitor;
  encoder: StateEncoder<S>;
}

/** What a strategy found; `explore` turns it into a Result. */
export interface SearchOutcome {
  verdict: "pass" | "violation" | "incomplete";
  limitHit?: LimitKind;
  distinctStates: number;
  transitions: number;
  maxDepth: number;
  terminalStates: number;
  statesPerDepth?: number[];
}
