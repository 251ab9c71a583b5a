import { z } from "zod";
import { corruptCheckpoint, parseCheckpointPart, type SearchResume } from "../checkpoint/index.ts";
import type { TransitionSystem } from "../transition-system.ts";
import { ensureCapacity } from "../visited/growable.ts";

const count = z.number().int().nonnegative();

/**
 * Where a DFS stands between two steps: the root being searched, the counters, and (as
 * sections) the depth each stored state was last expanded from and the stack as action
 * indices (`stackNext[i]` − 1 is the action that led from stack entry i to entry i + 1).
 * The stack's states are rebuilt by replaying that path from the root, as SPIN's trail is.
 */
export const dfsCountersSchema = z.object({ rootIndex: count, transitions: count, terminalStates: count, deepest: count, depthLimited: z.boolean() });
export type DfsCounters = z.infer<typeof dfsCountersSchema>;

export interface DfsPosition<S, A> extends DfsCounters {
  depthOf: Int32Array;
  stackStates: S[];
  stackActions: (readonly A[])[];
  stackNext: number[];
}

/** Reads a DFS checkpoint and rebuilds its stack (the counters first, so bad input is told apart from a model error). */
export function readDfsCounters(resume: SearchResume, states: number): { counters: DfsCounters; depthOf: Int32Array; stackNext: number[] } {
  const counters = parseCheckpointPart(dfsCountersSchema, resume.counters, "counters");
  const depths = resume.sections.get("depthOf", Int32Array);
  if (depths.length !== states) throw corruptCheckpoint(`search.depthOf: ${depths.length} depths for ${states} states`);
  const depthOf = ensureCapacity(new Int32Array(1 << 16), states);
  depthOf.set(depths);
  const stackNext = Array.from(resume.sections.get("stackNext", Int32Array));
  if (stackNext.some((next) => next < 0)) throw corruptCheckpoint("search.stackNext: a negative action index");
  return { counters, depthOf, stackNext };
}

/** The stack's states and their actions, stepped from initial state `rootIndex` along `stackNext`. */
export function replayStack<S, A>(system: TransitionSystem<S, A>, rootIndex: number, stackNext: readonly number[]): { stackStates: S[]; stackActions: (readonly A[])[] } {
  const stackStates: S[] = [];
  const stackActions: (readonly A[])[] = [];
  if (stackNext.length === 0) return { stackStates, stackActions };
  let state = system.initial()[rootIndex];
  if (state === undefined) throw new Error(`checkpoint replay: no initial state ${rootIndex}`);
  for (let i = 0; i < stackNext.length; i++) {
    const actions = system.actions(state);
    stackStates.push(state);
    stackActions.push(actions);
    if (stackNext[i] > actions.length) throw new Error(`checkpoint replay: stack entry ${i} has ${actions.length} actions, not ${stackNext[i]}; actions(state) is not deterministic`);
    if (i === stackNext.length - 1) break;
    const action = actions[stackNext[i] - 1];
    if (action === undefined) throw corruptCheckpoint(`search.stackNext: entry ${i} is ${stackNext[i]}, below the top`);
    state = system.step(state, action);
  }
  return { stackStates, stackActions };
}
