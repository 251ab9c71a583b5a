import type { ScheduleStep } from "../../spec/common/schedule.ts";
import type { Invariant, TransitionSystem } from "../../explorer/transition-system.ts";

/**
 * Hand-made transition systems whose figures are known by construction, for specifying the
 * explorer without any protocol.
 */

function deliveredName(step: ScheduleStep): string | undefined {
  const deliver = (step as { deliver?: unknown }).deliver;
  return typeof deliver === "string" ? deliver : undefined;
}

const encodeNumbers = (values: readonly number[]): Uint8Array => new Uint8Array(Int32Array.from(values).buffer);

/**
 * A directed graph: states are node numbers, the actions of node `n` are its out-edges in
 * list order (an action is the target node). `initial` lists the initial nodes.
 */
export function graphSystem(
  edges: Record<number, number[]>,
  options: { initial?: number[]; invariants?: Invariant<number>[]; terminal?: Invariant<number>; sometimes?: Invariant<number>[] } = {},
): TransitionSystem<number, number> {
  return {
    initial: () => options.initial ?? [0],
    actions: (node) => edges[node] ?? [],
    step: (_node, target) => target,
    encode: (node) => encodeNumbers([node]),
    invariants: options.invariants ?? [],
    terminal: options.terminal,
    ...(options.sometimes === undefined ? {} : { sometimes: options.sometimes }),
    toStep: (target) => ({ deliver: `to ${target}` }),
    fromStep(node, step: ScheduleStep) {
      const deliver = deliveredName(step);
      if (deliver === undefined) return undefined;
      const target = Number(deliver.replace(/^to /, ""));
      return (edges[node] ?? []).includes(target) ? target : undefined;
    },
    describeState: (node) => `node ${node}`,
  };
}

export type Point = readonly [number, number];

/**
 * The (n+1)×(n+1) grid walked right and up from (0,0): (n+1)² states, 2n(n+1) transitions,
 * depth 2n, one terminal state (n,n). Uses `encodeInto` and `decode` (the BFS arena frontier).
 */
export function gridSystem(n: number, invariants: Invariant<Point>[] = [], terminal?: Invariant<Point>): TransitionSystem<Point, "right" | "up"> {
  return {
    initial: () => [[0, 0]],
    actions: ([x, y]) => [...(x < n ? (["right"] as const) : []), ...(y < n ? (["up"] as const) : [])],
    step: ([x, y], action) => (action === "right" ? [x + 1, y] : [x, y + 1]),
    encode: (point) => encodeNumbers(point),
    encodeInto(point, target) {
      target.set(encodeNumbers(point));
      return 8;
    },
    encodedLength: 8,
    decode: (source, offset) => {
      const view = new DataView(source.buffer, source.byteOffset + offset, 8);
      return [view.getInt32(0, true), view.getInt32(4, true)];
    },
    invariants,
    terminal,
    toStep: (action) => ({ deliver: action }),
    fromStep([x, y], step) {
      const deliver = deliveredName(step);
      if (deliver === "right" && x < n) return "right";
      if (deliver === "up" && y < n) return "up";
      return undefined;
    },
  };
}

/** A counter that never stops: only limits end its exploration. */
export function unboundedCounter(): TransitionSystem<number, "inc" | "double"> {
  return {
    initial: () => [0],
    actions: () => ["inc", "double"],
    step: (value, action) => (action === "inc" ? value + 1 : value * 2 + 2),
    encode: (value) => new Uint8Array(new Float64Array([value]).buffer),
    invariants: [],
    toStep: (action) => ({ deliver: action }),
    fromStep(_value, step) {
      const deliver = deliveredName(step);
      return deliver === "inc" || deliver === "double" ? deliver : undefined;
    },
  };
}

export const notAt = (x: number, y: number): Invariant<Point> => ({ name: `not at (${x},${y})`, holds: ([px, py]) => px !== x || py !== y });

/** A `sometimes` property of the grid: the walk reaches (x, y). */
export const reaches = (x: number, y: number): Invariant<Point> => ({ name: `reaches (${x},${y})`, holds: ([px, py]) => px === x && py === y });

/** A `sometimes` property of a graph: the walk reaches `node`. */
export const reachesNode = (node: number): Invariant<number> => ({ name: `reaches ${node}`, holds: (at) => at === node });
