import type { InFlight } from "./in-flight.ts";
import type { StateLayout } from "./state-layout.ts";
import type { Runtime } from "./runtime.ts";

/**
 * Partial synchrony (time "partial-sync", README "Partial synchrony"): the Δ rule. Time is
 * counted in steps: after GST every step ages every in-flight entry by one (capped at Δ + 1), and
 * a correct actor's timer may not expire while a message to it from a correct (not crashed)
 * sender has been in flight for more than Δ steps. Before GST nothing ages and nothing is held.
 */

/** Whether GST has passed in `state` (never, under "async"). */
export function afterGst(layout: StateLayout, state: Uint32Array): boolean {
  return layout.timed && state[layout.gstAt] === 1;
}

/** The age every overdue entry has: the first above Δ (all above it mean the same). */
export function overdueAge(delta: number): number {
  return delta + 1;
}

/**
 * Whether `actor`'s timers are held in `state`, taken after GST: a message to it from a correct
 * sender is overdue, so its timers wait for the delivery (Dwork–Lynch–Stockmeyer: after GST a
 * message is delivered within Δ, and a timer is longer than that).
 */
export function timersHeld<C, M extends { type: string }>(runtime: Runtime<C, M>, state: Uint32Array, inFlight: InFlight, actor: number): boolean {
  if (runtime.time.kind === "partial-sync" && runtime.time.timeouts === "long-enough") return deliveriesPending(runtime, state, inFlight);
  const overdue = overdueAge(runtime.delta!);
  const { envelopes, ages } = inFlight;
  for (let i = 0; i < envelopes.length; i++) {
    if (ages![i]! < overdue) continue;
    const { from, to } = runtime.envelopes.values[envelopes[i]!]!;
    if (to === actor && !runtime.layout.isCrashed(state, from)) return true;
  }
  return false;
}

/**
 * "long-enough" timeouts: after GST a timer waits while any message to a correct actor (not
 * crashed, not Byzantine) is in flight, whatever its age and sender: the timeout outlasts every
 * delivery in progress. Messages to faulty actors hold nothing (no one owes their delivery).
 */
function deliveriesPending<C, M extends { type: string }>(runtime: Runtime<C, M>, state: Uint32Array, inFlight: InFlight): boolean {
  for (const envelope of inFlight.envelopes) {
    const { to } = runtime.envelopes.values[envelope]!;
    if (!runtime.layout.isCrashed(state, to) && !runtime.isByzantine(to)) return true;
  }
  return false;
}

/** Whether a loss of a message from `from` is allowed in `state`: after GST a correct sender's messages are not lost. */
export function mayLose<C, M extends { type: string }>(runtime: Runtime<C, M>, state: Uint32Array, from: number): boolean {
  return !afterGst(runtime.layout, state) || runtime.layout.isCrashed(state, from);
}
