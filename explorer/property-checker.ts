import { z } from "zod";
import type { Invariant } from "./transition-system.ts";
import type { StatePath } from "./parent-log.ts";

/** What a checkpoint keeps of the checker: the counts and the first violation's path. */
export const checkerSnapshotSchema = z.object({
  counts: z.record(z.string(), z.number().int().nonnegative()),
  first: z.object({ property: z.string(), path: z.object({ initialIndex: z.number().int().nonnegative(), actionIndices: z.array(z.number().int().nonnegative()) }) }).optional(),
});
export type CheckerSnapshot = z.infer<typeof checkerSnapshotSchema>;

/**
 * Invariants in every reached state, `terminal` in every state without an enabled action.
 * Counts violating states per property (so a run with `stopAtFirstViolation: false` can
 * report, e.g., 48 terminal states failing termination) and keeps the first violation's path.
 */
export class PropertyChecker<S> {
  readonly counts: Record<string, number> = {};
  first?: { property: string; path: StatePath };

  constructor(
    private readonly invariants: readonly Invariant<S>[],
    private readonly terminal: Invariant<S> | undefined,
    private readonly stopAtFirst: boolean,
  ) {}

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
    const snapshot: CheckerSnapshot = { counts: { ...this.counts } };
    if (this.first !== undefined) snapshot.first = { property: this.first.property, path: { ...this.first.path, actionIndices: [...this.first.path.actionIndices] } };
    return snapshot;
  }

  restore(snapshot: CheckerSnapshot): void {
    Object.assign(this.counts, snapshot.counts);
    this.first = snapshot.first;
  }

  get terminalViolations(): number | undefined {
    return this.terminal === undefined ? undefined : (this.counts[this.terminal.name] ?? 0);
  }
}
