import { z } from "zod";
import { corruptCheckpoint, parseCheckpointPart, type SearchResume } from "../checkpoint/index.ts";
import type { ParentLog } from "../parent-log.ts";
import type { TransitionSystem } from "../transition-system.ts";

const count = z.number().int().nonnegative();

/**
 * Where a BFS stands between two parent expansions (TLC checkpoints its queue at the same kind
 * of point): level `depth` is ids [levelStart, levelEnd), parents before `next` are expanded,
 * ids from levelEnd up are the next level found so far. The rest is the visited set and the
 * parent log.
 */
export const bfsPositionSchema = z.object({
  depth: count,
  levelStart: count,
  levelEnd: count,
  next: count,
  transitions: count,
  terminalStates: count,
  depthLimited: z.boolean(),
  statesPerDepth: z.array(count),
});
export type BfsPosition = z.infer<typeof bfsPositionSchema>;

/** The position of a checkpoint, checked against itself and the restored visited set. */
export function readBfsPosition(resume: SearchResume, states: number): BfsPosition {
  const position = parseCheckpointPart(bfsPositionSchema, resume.counters, "counters");
  const { depth, levelStart, levelEnd, next, statesPerDepth } = position;
  const before = statesPerDepth.slice(0, depth).reduce((sum, n) => sum + n, 0);
  const consistent =
    statesPerDepth.length === depth + 2 &&
    before === levelStart &&
    levelStart + statesPerDepth[depth] === levelEnd &&
    levelStart <= next &&
    next <= levelEnd &&
    levelEnd + statesPerDepth[depth + 1] === states;
  if (!consistent) throw corruptCheckpoint("counters: the BFS levels do not add up to the stored states");
  return position;
}

/**
 * The state objects of level `depth` (ids [levelStart, levelEnd)) and of the next level's ids
 * found so far (up to `states`), for a frontier that cannot be decoded from the visited set
 * (no `decode`, fingerprints, symmetry). Replays the parent tree level by level from the
 * initial states: ids are in BFS order, so each level's states are stepped, in id order, from
 * the previous level's via `actions(parent)[via]`; only two levels are held at once. Costs one
 * `step` per stored state, the price of not writing state objects to disk.
 */
export function replayLevels<S, A>(system: TransitionSystem<S, A>, parents: ParentLog, statesPerDepth: readonly number[], depth: number, states: number): { level: S[]; discovered: S[] } {
  const initials = system.initial();
  let level: S[] = [];
  for (let id = 0; id < statesPerDepth[0]; id++) {
    const initial = initials[-1 - parents.parentOf(id)];
    if (initial === undefined) throw new Error(`checkpoint replay: state ${id} names initial state ${-1 - parents.parentOf(id)}, which initial() does not return`);
    level.push(initial);
  }
  let start = 0;
  for (let d = 0; d < depth; d++) {
    const end = start + statesPerDepth[d];
    level = children(system, parents, level, start, end, end + statesPerDepth[d + 1]);
    start = end;
  }
  const levelEnd = start + statesPerDepth[depth];
  return { level, discovered: children(system, parents, level, start, levelEnd, states) };
}

/** The states of ids [from, to), all children of `level` (whose first id is `levelStart`). */
function children<S, A>(system: TransitionSystem<S, A>, parents: ParentLog, level: readonly S[], levelStart: number, from: number, to: number): S[] {
  const out: S[] = [];
  let parentId = -1;
  let actions: readonly A[] = [];
  for (let id = from; id < to; id++) {
    const parent = parents.parentOf(id);
    if (parent < levelStart || parent >= levelStart + level.length) throw corruptCheckpoint(`parents: state ${id} has parent ${parent} outside the level before`);
    // Siblings are contiguous (a parent's new successors get consecutive ids): one `actions` per parent.
    if (parent !== parentId) {
      parentId = parent;
      actions = system.actions(level[parent - levelStart]);
    }
    const action = actions[parents.actionOf(id)];
    if (action === undefined) throw new Error(`checkpoint replay: action ${parents.actionOf(id)} of state ${parent} is gone; actions(state) is not deterministic`);
    out.push(system.step(level[parent - levelStart], action));
  }
  return out;
}
