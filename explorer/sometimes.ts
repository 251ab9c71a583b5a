import { z } from "zod";
import { corruptCheckpoint } from "./checkpoint/corrupt.ts";
import type { StatePath } from "./parent-log.ts";
import type { Invariant } from "./transition-system.ts";

const count = z.number().int().nonnegative();
const statePathSchema = z.object({ initialIndex: count, actionIndices: z.array(count) });

/**
 * Where a `sometimes` property was first seen to hold: BFS keeps the state's id (its path is
 * rebuilt from the parent log at the end, as a counterexample's is), DFS and random walks,
 * which keep no parent log, the path itself (the stack, or the walk so far).
 */
export type Witness = { id: number } | { path: StatePath };

/** What a checkpoint keeps of the `sometimes` properties: those discovered so far, with their witness. */
export const sometimesSnapshotSchema = z.array(
  z.union([z.object({ property: z.string(), id: count }).strict(), z.object({ property: z.string(), path: statePathSchema }).strict()]),
);
export type SometimesSnapshot = z.infer<typeof sometimesSnapshotSchema>;

/**
 * The `sometimes` properties (Stateright's `Property::sometimes`) of one run: each is checked in
 * every newly stored state until it first holds, and then never again, so that a model whose
 * properties are all discovered early pays nothing more for them (the oracle checks its two
 * in a few hundred of its 1.14 M states).
 */
export class SometimesTracker<S> {
  private readonly witnesses: (Witness | undefined)[];
  /** Indices of the properties not discovered yet, in declaration order. */
  private pending: number[];

  constructor(readonly properties: readonly Invariant<S>[]) {
    this.witnesses = properties.map(() => undefined);
    this.pending = properties.map((_, index) => index);
  }

  /** Checks the pending properties in a newly stored `state`; `witness` is asked at most once. */
  check(state: S, witness: () => Witness): void {
    let found: Witness | undefined;
    for (const index of this.pending) {
      if (this.properties[index]!.holds(state)) this.witnesses[index] = found ??= witness();
    }
    // Nothing allocated per state unless one was found (once per property per run).
    if (found !== undefined) this.pending = this.pending.filter((index) => this.witnesses[index] === undefined);
  }

  /** Each property with its witness, or undefined when it was never seen to hold. */
  entries(): { property: Invariant<S>; witness?: Witness }[] {
    return this.properties.map((property, index) => ({ property, witness: this.witnesses[index] }));
  }

  snapshot(): SometimesSnapshot {
    return this.entries().flatMap(({ property, witness }): SometimesSnapshot => {
      if (witness === undefined) return [];
      return "id" in witness ? [{ property: property.name, id: witness.id }] : [{ property: property.name, path: { initialIndex: witness.path.initialIndex, actionIndices: [...witness.path.actionIndices] } }];
    });
  }

  /**
   * The discovered set of a checkpoint. A property the system does not declare, an id past the
   * stored states, or an id where the strategy keeps no parent log is a corrupt checkpoint.
   */
  restore(snapshot: SometimesSnapshot, stored: { states: number; ids: boolean }): void {
    for (const entry of snapshot) {
      const index = this.properties.findIndex((property) => property.name === entry.property);
      if (index < 0) throw corruptCheckpoint(`checker.sometimes: ${JSON.stringify(entry.property)} is not a sometimes property of this system`);
      if ("id" in entry) {
        if (!stored.ids) throw corruptCheckpoint(`checker.sometimes: ${JSON.stringify(entry.property)} names a state id, and this strategy keeps no parent log`);
        if (entry.id >= stored.states) throw corruptCheckpoint(`checker.sometimes: ${JSON.stringify(entry.property)} names state ${entry.id} of ${stored.states}`);
        this.witnesses[index] = { id: entry.id };
      } else this.witnesses[index] = { path: entry.path };
    }
    this.pending = this.pending.filter((index) => this.witnesses[index] === undefined);
  }
}
