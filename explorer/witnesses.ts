import { scheduleOf, type ScheduleOrigin } from "./counterexample.ts";
import type { ParentLog } from "./parent-log.ts";
import type { SometimesResult } from "./result.ts";
import { shrinkWitness } from "./shrink.ts";
import type { SometimesTracker } from "./sometimes.ts";
import type { TransitionSystem } from "./transition-system.ts";

/**
 * The `sometimes` properties as the Result reports them, each witness rebuilt as a Schedule at
 * the end of the run, as a counterexample is: a BFS witness from its state id through the
 * parent log (already a shortest path), a DFS or random-walk one from its path, then shrunk
 * like their counterexamples (`shrunkFrom` says by how much).
 */
export function sometimesResults<S, A>(system: TransitionSystem<S, A>, tracker: SometimesTracker<S>, parents: ParentLog, origin: ScheduleOrigin, shrink: boolean): SometimesResult[] {
  return tracker.entries().map(({ property, witness }) => {
    if (witness === undefined) return { name: property.name, discovered: false };
    const path = "id" in witness ? parents.pathTo(witness.id) : witness.path;
    const schedule = scheduleOf(system, path, origin);
    const entry: SometimesResult = { name: property.name, discovered: true, witness: schedule };
    if (shrink) {
      const shrunk = shrinkWitness(system, schedule.steps, property);
      if (shrunk.length < schedule.steps.length) {
        entry.shrunkFrom = schedule.steps.length;
        schedule.steps = shrunk;
      }
    }
    return entry;
  });
}
