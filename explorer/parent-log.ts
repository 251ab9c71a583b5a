import { z } from "zod";
import { corruptCheckpoint, parseCheckpointPart } from "./checkpoint/corrupt.ts";
import type { PartSnapshot, SectionReader } from "./checkpoint/sections.ts";
import { ensureCapacity } from "./visited/growable.ts";

const metaSchema = z.object({ size: z.number().int().nonnegative(), capacity: z.number().int().nonnegative() });

/** Largest action index a parent entry can hold (Uint16). */
export const MAX_ACTIONS_PER_STATE = 0xffff;

/**
 * How each stored state was first reached, one entry per state id: `parent[id]` is the
 * predecessor's id (or `-1 - i` for the i-th initial state) and `via[id]` the index of the
 * action within `actions(parent)`. Two typed arrays, no object per state; a path is rebuilt by
 * following parents back and replaying the action indices forward from the initial state.
 */
export class ParentLog {
  private parent = new Int32Array(1 << 16);
  private via = new Uint16Array(1 << 16);

  record(id: number, parentId: number, actionIndex: number): void {
    if (actionIndex > MAX_ACTIONS_PER_STATE) {
      throw new Error(`a state has more than ${MAX_ACTIONS_PER_STATE + 1} enabled actions; the parent log cannot index them`);
    }
    this.parent = ensureCapacity(this.parent, id + 1);
    this.via = ensureCapacity(this.via, id + 1);
    this.parent[id] = parentId;
    this.via[id] = actionIndex;
  }

  recordInitial(id: number, initialIndex: number): void {
    this.record(id, -1 - initialIndex, 0);
  }

  /** The predecessor's id of `id`, or `-1 - i` when `id` is the i-th initial state. */
  parentOf(id: number): number {
    return this.parent[id];
  }

  /** The index of the action within `actions(parentOf(id))` that first reached `id`. */
  actionOf(id: number): number {
    return this.via[id];
  }

  /** The path from an initial state to `id`: which initial state, then the action indices. */
  pathTo(id: number): StatePath {
    const actionIndices: number[] = [];
    let at = id;
    while (this.parent[at] >= 0) {
      actionIndices.push(this.via[at]);
      at = this.parent[at];
    }
    return { initialIndex: -1 - this.parent[at], actionIndices: actionIndices.reverse() };
  }

  /** Bytes allocated per recorded state (6 plus the slack of the last doubling). */
  bytesPerState(states: number): number {
    return (this.parent.byteLength + this.via.byteLength) / Math.max(1, states);
  }

  /** The entries of ids 0 … size − 1 and the capacity (so the resumed log grows as this one would). */
  serialize(size: number): PartSnapshot {
    return { meta: { size, capacity: this.parent.length }, sections: { parent: this.parent.subarray(0, size), via: this.via.subarray(0, size) } };
  }

  static deserialize(meta: unknown, sections: SectionReader): ParentLog {
    const { size, capacity } = parseCheckpointPart(metaSchema, meta, "parents");
    const parent = sections.get("parent", Int32Array);
    const via = sections.get("via", Uint16Array);
    if (parent.length !== size || via.length !== size || capacity < size) throw corruptCheckpoint(`parents: ${parent.length} entries, ${size} expected`);
    // Every parent precedes its child (ids are handed out in discovery order): no cycle to follow.
    for (let id = 0; id < size; id++) if (parent[id] >= id) throw corruptCheckpoint(`parents: state ${id} has parent ${parent[id]}`);
    const log = new ParentLog();
    log.parent = new Int32Array(capacity);
    log.parent.set(parent);
    log.via = new Uint16Array(capacity);
    log.via.set(via);
    return log;
  }
}

export interface StatePath {
  initialIndex: number;
  actionIndices: number[];
}
