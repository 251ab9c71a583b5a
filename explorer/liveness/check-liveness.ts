import { scheduleOf, type ScheduleOrigin } from "../counterexample.ts";
import type { LivenessResult } from "../result.ts";
import type { LivenessProperty, TransitionSystem } from "../transition-system.ts";
import { findFairLasso, type Lasso, type LassoMode } from "./fair-lasso.ts";
import { livenessBound } from "./liveness-bound.ts";
import { CUT_OFF, SETTLED, type StateGraph } from "./state-graph.ts";

/** A state's flags for the graph: which properties' P hold there, settled, cut off. */
export function livenessFlags<S>(system: TransitionSystem<S, unknown>, properties: readonly LivenessProperty<S>[], state: S): number {
  let flags = 0;
  for (let index = 0; index < properties.length; index++) if (properties[index]!.holds(state)) flags |= 1 << index;
  if (system.settled?.(state) ?? true) flags |= SETTLED;
  if (system.livenessCutOff?.holds(state) === true) flags |= CUT_OFF;
  return flags;
}

/**
 * Each liveness property over the explored graph. A fair lasso that avoids P and the model's
 * cut-off is a violation (a Schedule with `cycleFrom`). A fair lasso that avoids P only by
 * passing the cut-off — the model's bound stopped the run, as a view limit stops a run that
 * would change views again — is `undecided`, with that lasso: not a counterexample, not a
 * pass either. Otherwise the property holds, with the bound B in steps after GST where one
 * exists (explorer/liveness/liveness-bound.ts).
 */
export function checkLiveness<S, A>(system: TransitionSystem<S, A>, graph: StateGraph, origin: ScheduleOrigin): LivenessResult[] {
  const properties = system.liveness ?? [];
  let cutOffStates = 0;
  for (let state = 0; state < graph.expanded; state++) if ((graph.flags(state) & CUT_OFF) !== 0) cutOffStates++;
  return properties.map((property, index) => {
    const mode: LassoMode = property.kind === "eventually" ? "initial" : "anywhere";
    const entry: LivenessResult = { name: property.name, kind: property.kind, verdict: "holds" };
    const genuine = findFairLasso(graph.lassoGraph(index, true), mode);
    const reachingCutOff = genuine ?? (cutOffStates > 0 ? findFairLasso(graph.lassoGraph(index, false), mode) : undefined);
    if (reachingCutOff !== undefined) {
      entry.verdict = genuine !== undefined ? "violated" : "undecided";
      entry.lasso = lassoSchedule(system, graph, reachingCutOff, origin);
    } else {
      const bound = livenessBound(graph.lassoGraph(index, false), mode);
      if (bound !== undefined) entry.bound = bound;
    }
    if (system.livenessCutOff !== undefined) entry.cutOffStates = cutOffStates;
    return entry;
  });
}

/** The lasso as a Schedule: the stem's steps, then the cycle's, `cycleFrom` where the cycle starts. */
function lassoSchedule<S, A>(system: TransitionSystem<S, A>, graph: StateGraph, lasso: Lasso, origin: ScheduleOrigin) {
  const edges = graph.lassoGraph(0, false);
  const actionIndices: number[] = [];
  for (let i = 0; i + 1 < lasso.stem.length; i++) actionIndices.push(edges.edges(lasso.stem[i]!).findIndex(({ to }) => to === lasso.stem[i + 1]));
  const cycleFrom = actionIndices.length;
  if (!lasso.deadlock) actionIndices.push(...lasso.cycleEdges);
  const schedule = scheduleOf(system, { initialIndex: graph.initial.indexOf(lasso.stem[0]!), actionIndices }, origin);
  return { ...schedule, cycleFrom };
}
