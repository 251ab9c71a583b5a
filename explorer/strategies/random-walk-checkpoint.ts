import { z } from "zod";
import { parseCheckpointPart, type SearchResume } from "../checkpoint/index.ts";
import type { TransitionSystem } from "../transition-system.ts";

const count = z.number().int().nonnegative();
const word = z.number().int().min(0).max(0xffffffff);

/**
 * Where a run of random walks stands between two steps: the walk under way (its index, its
 * initial state and, as the section "path", the action indices taken so far), the PRNG's
 * four state words (`Prng.state()`: xoroshiro128+'s since format version 3, xoshiro128**'s
 * before; so the resumed run draws exactly the numbers the killed one would have) and the
 * counters. The walk's current state is rebuilt by replaying its path.
 */
export const walkCountersSchema = z.object({
  walk: count,
  initialIndex: count,
  random: z.tuple([word, word, word, word]).refine((words) => words.some((w) => w !== 0), "the all-zero PRNG state is invalid"),
  transitions: count,
  terminalStates: count,
  deepest: count,
});
export type WalkCounters = z.infer<typeof walkCountersSchema>;

export function readWalkPosition(resume: SearchResume): { counters: WalkCounters; path: number[] } {
  return { counters: parseCheckpointPart(walkCountersSchema, resume.counters, "counters"), path: Array.from(resume.sections.get("path", Int32Array)) };
}

/** The state reached from initial state `initialIndex` by the action indices of `path`. */
export function replayWalk<S, A>(system: TransitionSystem<S, A>, initialIndex: number, path: readonly number[]): S {
  let state = system.initial()[initialIndex];
  if (state === undefined) throw new Error(`checkpoint replay: no initial state ${initialIndex}`);
  for (const [step, index] of path.entries()) {
    const action = system.actions(state)[index];
    if (action === undefined) throw new Error(`checkpoint replay: action ${index} of step ${step} is gone; actions(state) is not deterministic`);
    state = system.step(state, action);
  }
  return state;
}
