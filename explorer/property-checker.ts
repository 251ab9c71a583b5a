import { z } from "zod";
import type { Invariant } from "./transition-system.ts";
import type { StatePath } from "./parent-log.ts";
import { SometimesTracker, sometimesSnapshotSchema, type Witness } from "./sometimes.ts";

/** What a checkpoint keeps of the checker: the counts, the first violation's path and the `sometimes` discovered. */
export const checkerSnapshotSchema = z.object({
  counts: z.record(z.string(), z.number().int().nonnegative()),
  first: z.object({ property: z.string(), path: z.object({ initialIndex: z.number().int().nonnegative(), actionIndices: z.array(z.number().int().nonnegative()) }) }).optional(),
  sometimes: sometimesSnapshotSchema.describe("The `sometimes` properties discovered so far, each with its witness (BFS: a state id; DFS, random walk: a path)."),
});
export type CheckerSnapshot = z.infer<typeof checkerSnapshotSchema>;

/**
 * Invariants in every reached state, `terminal` in every state without an enabled action,
 * `sometimes` in every reached state until each first holds. Counts violating states per
 * property (so a run with `stopAtFirstViolation: false` can report, e.g., 48 terminal states
 * failing termination) and keeps the first violation's path.
 */
export class PropertyChecker<S> {
  readonly counts: Record<string, number> = {};
  first?: { property: string; path: StatePath };
  readonly sometimes: SometimesTracker<S>;

  constructor(
    private readonly invariants: readonly Invariant<S>[],
    private readonly terminal: Invariant<S> | undefined,
    private readonly stopAtFirst: boolean,
    sometimes: readonly Invariant<S>[] = [],
  ) {
    this.sometimes = new SometimesTracker(sometimes);
  }

  /** Checks the `sometimes` properties not discovered yet in a newly stored `state`. */
  reached(state: S, witness: () => Witness): void {
    this.sometimes.check(state, witness);
  }

  /** The first invariant `state` fails (all failing ones are counted), or undefined. */
  violated(state: S): string | undefined {
    let first: string | undefined;
    for (const invariant of this.invariants) {
      if (invariant.holds(state)) continue;
      this.counts[invariant.name] = (this.counts[invariant.name] ?? 0) + 1;
      if (first === undefined) first = invariant.name;
      if (this.stopAtFirst) break;
    }
    return first;
  }

  /** `terminal`'s name if the (deadlocked) `state` fails it. */
  violatedAtEnd(state: S): string | undefined {
    if (this.terminal === undefined || this.terminal.holds(state)) return undefined;
    this.counts[this.terminal.name] = (this.counts[this.terminal.name] ?? 0) + 1;
    return this.terminal.name;
  }

  /** Records a violation; true when the run must stop here. */
  note(property: string, path: () => StatePath): boolean {
    if (this.first === undefined) this.first = { property, path: path() };
    return this.stopAtFirst;
  }

  snapshot(): CheckerSnapshot {
    const snapshot: CheckerSnapshot = { counts: { ...this.counts }, sometimes: this.sometimes.snapshot() };
    if (this.first !== undefined) snapshot.first = { property: this.first.property, path: { ...this.first.path, actionIndices: [...this.first.path.actionIndices] } };
    return snapshot;
  }

  /** `stored`: the restored visited set's size, and whether the strategy keeps a parent log (BFS) for witness ids. */
  restore(snapshot: CheckerSnapshot, stored: { states: number; ids: boolean }): void {
    Object.assign(this.counts, snapshot.counts);
    this.first = snapshot.first;
    this.sometimes.restore(snapshot.sometimes, stored);
  }

  get terminalViolations(): number | undefined {
    return this.terminal === undefined ? undefined : (this.counts[this.terminal.name] ?? 0);
  }
}
