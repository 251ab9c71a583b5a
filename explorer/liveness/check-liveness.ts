import { scheduleOf, type ScheduleOrigin } from "../counterexample.ts";
import type { LivenessResult } from "../result.ts";
import type { LivenessProperty, TransitionSystem } from "../transition-system.ts";
import { edgeIndex, findFairLasso, shortestPath, type Lasso, type LassoMode } from "./fair-lasso.ts";
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

/** An undecided property's reason in an asynchronous model (`TransitionSystem.asynchronous`). */
export const FLP_WITNESS =
  "termination not guaranteed (FLP witness): with no GST the adversary keeps a fair run from it up to the model's cut-off, the bounded form of Fischer, Lynch and Paterson's non-terminating run";

/**
 * Each liveness property over the explored graph (docs/adr/0004). The model's cut-off states
 * (where its bound, not the protocol, stops a run) end the runs that reach them: what follows
 * is not the protocol's behaviour. A fair lasso that avoids P is a violation (a Schedule with
 * `cycleFrom`). Failing that, a run that reaches a cut-off state after GST without P first is
 * `undecided`, with that run (`cutOffRun`): the model cannot say what the protocol does next.
 * A cut-off reached before GST (the adversary spent the model's bound while everything was
 * still asynchronous) is not judged, only counted. Otherwise P holds, with the bound B in steps
 * after GST where one exists (explorer/liveness/liveness-bound.ts).
 */
export function checkLiveness<S, A>(system: TransitionSystem<S, A>, graph: StateGraph, origin: ScheduleOrigin): LivenessResult[] {
  const properties = system.liveness ?? [];
  let cutOffStates = 0;
  let beforeGst = 0;
  for (let state = 0; state < graph.expanded; state++) {
    const flags = graph.flags(state);
    if ((flags & CUT_OFF) === 0) continue;
    cutOffStates++;
    if ((flags & SETTLED) === 0) beforeGst++;
  }
  return properties.map((property, index) => {
    const mode: LassoMode = property.kind === "eventually" ? "initial" : "anywhere";
    const entry: LivenessResult = { name: property.name, kind: property.kind, verdict: "holds" };
    const stopped = graph.lassoGraph(index, true);
    const lasso = findFairLasso(stopped, mode);
    const cutOffRun = lasso === undefined && cutOffStates > 0 ? runToCutOff(graph, index, mode) : undefined;
    if (lasso !== undefined) {
      entry.verdict = "violated";
      entry.lasso = lassoSchedule(system, graph, lasso, origin);
    } else if (cutOffRun !== undefined) {
      entry.verdict = "undecided";
      entry.cutOffRun = scheduleOf(system, { initialIndex: graph.initial.indexOf(cutOffRun[0]!), actionIndices: edgesAlong(graph, cutOffRun) }, origin);
      if (system.asynchronous === true) entry.reason = FLP_WITNESS;
    } else {
      const bound = livenessBound(stopped, mode);
      if (bound !== undefined) entry.bound = bound;
    }
    if (system.livenessCutOff !== undefined) Object.assign(entry, { cutOffStates, cutOffBeforeGst: beforeGst });
    return entry;
  });
}

/**
 * A shortest run from an initial state to a cut-off state after GST in which P never held
 * before (for always-eventually: not in that state), through states that are no cut-off; or
 * undefined.
 */
function runToCutOff(graph: StateGraph, property: number, mode: LassoMode): number[] | undefined {
  const goal = 1 << property;
  const passes = (state: number) => (graph.flags(state) & CUT_OFF) === 0 && (mode === "anywhere" || (graph.flags(state) & goal) === 0);
  const target = (state: number) => (graph.flags(state) & (CUT_OFF | SETTLED)) === (CUT_OFF | SETTLED) && (graph.flags(state) & goal) === 0;
  const starts = [...new Set(graph.initial)];
  return shortestPath(graph.lassoGraph(property, false), [...starts.filter(target), ...starts.filter(passes)], target, passes);
}

/** The action index of each step of a path of states (the first edge to the next state). */
function edgesAlong(graph: StateGraph, path: readonly number[]): number[] {
  const edges = graph.lassoGraph(0, false);
  return path.slice(1).map((to, i) => edgeIndex(edges, path[i]!, to));
}

/** The lasso as a Schedule: the stem's steps, then the cycle's, `cycleFrom` where the cycle starts. */
function lassoSchedule<S, A>(system: TransitionSystem<S, A>, graph: StateGraph, lasso: Lasso, origin: ScheduleOrigin) {
  const actionIndices = edgesAlong(graph, lasso.stem);
  const cycleFrom = actionIndices.length;
  if (!lasso.deadlock) actionIndices.push(...lasso.cycleEdges);
  const schedule = scheduleOf(system, { initialIndex: graph.initial.indexOf(lasso.stem[0]!), actionIndices }, origin);
  return { ...schedule, cycleFrom };
}
