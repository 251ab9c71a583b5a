import { ensureCapacity } from "../visited/growable.ts";
import type { LassoGraph } from "./fair-lasso.ts";

/** A state's flag bits: one per liveness property (where its P holds), then these. */
export const SETTLED = 1 << 30;
export const CUT_OFF = 1 << 29;
/** Liveness properties one run can check: one flag bit each, below the cut-off's. */
export const MAX_LIVENESS_PROPERTIES = 29;

/**
 * The explored state graph, kept for the liveness checks (which need every edge, not just the
 * BFS tree): BFS expands states in id order, so each state's edges are one contiguous run of
 * two typed arrays (compressed sparse rows, as SPIN's and TLC's liveness graphs are kept on
 * disk in order), in the order of the state's actions — edge i is action i, so a path of
 * edges is a Schedule. 8 bytes an edge and 8 a state, no object per either.
 */
export class StateGraph {
  private edgeStart = new Int32Array(1 << 12);
  private targets = new Int32Array(1 << 12);
  private classes = new Int32Array(1 << 12);
  private flagWords = new Int32Array(1 << 12);
  /** States expanded so far (ids 0 … expanded − 1). */
  expanded = 0;
  private edgeCount = 0;
  /** The initial states' ids, in the order of `initial()` (an index is a Schedule's start). */
  readonly initial: number[] = [];

  /** Starts the edges of the next state in id order, with its flags. */
  beginState(id: number, flags: number): void {
    if (id !== this.expanded) throw new Error(`state graph: state ${id} expanded out of order (expected ${this.expanded})`);
    this.edgeStart = ensureCapacity(this.edgeStart, id + 2);
    this.flagWords = ensureCapacity(this.flagWords, id + 1);
    this.edgeStart[id] = this.edgeCount;
    this.edgeStart[id + 1] = this.edgeCount;
    this.flagWords[id] = flags;
    this.expanded++;
  }

  /** An edge of the state begun last: its target's id and its action's fairness class (−1: none). */
  addEdge(to: number, fairness: number): void {
    this.targets = ensureCapacity(this.targets, this.edgeCount + 1);
    this.classes = ensureCapacity(this.classes, this.edgeCount + 1);
    this.targets[this.edgeCount] = to;
    this.classes[this.edgeCount++] = fairness;
    this.edgeStart[this.expanded] = this.edgeCount;
  }

  flags(state: number): number {
    return this.flagWords[state]!;
  }

  /** Bytes held per state (edges included), for the Result's memory figure. */
  bytesPerState(): number {
    return (this.edgeStart.byteLength + this.targets.byteLength + this.classes.byteLength + this.flagWords.byteLength) / Math.max(1, this.expanded);
  }

  /** The graph as the lasso search reads it, with P the property's bit (and, `stopAtCutOff`, the cut-off states too). */
  lassoGraph(property: number, stopAtCutOff: boolean): LassoGraph {
    const stop = (1 << property) | (stopAtCutOff ? CUT_OFF : 0);
    const edgesOf = (state: number) => {
      const out: { to: number; fairness: number }[] = [];
      for (let edge = this.edgeStart[state]!; edge < this.edgeStart[state + 1]!; edge++) out.push({ to: this.targets[edge]!, fairness: this.classes[edge]! });
      return out;
    };
    return {
      initial: [...new Set(this.initial)],
      edges: edgesOf,
      enabled: (state) => {
        const classes = new Set<number>();
        for (let edge = this.edgeStart[state]!; edge < this.edgeStart[state + 1]!; edge++) if (this.classes[edge]! >= 0) classes.add(this.classes[edge]!);
        return [...classes];
      },
      goal: (state) => (this.flagWords[state]! & stop) !== 0,
      blocked: (state) => stopAtCutOff && (this.flagWords[state]! & CUT_OFF) !== 0,
      settled: (state) => (this.flagWords[state]! & SETTLED) !== 0,
    };
  }
}
