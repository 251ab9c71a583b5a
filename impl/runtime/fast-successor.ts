import { applyTimers, type Reaction, type Runtime } from "./runtime.ts";
import type { RuntimeAction } from "./runtime-actions.ts";

/**
 * The hot path of the runtime (the explorer asks for every transition's successor): a delivery
 * or a protocol step, in a model whose in-flight entries are plain (envelope, copies) pairs —
 * an unordered network that consumes deliveries, no ages, no replays and no ghost history. The
 * successor's words are written straight into `out`, merging the step's sends (sorted once per
 * reaction) into the sorted multiset: no object per transition. Such a step changes one actor's
 * snapshot and adds sends, so only messages to that actor and the new sends can have become
 * undeliverable or obsolete (every state has none in flight, the initial one included): only
 * they are looked at. Every other action and model takes runtime-actions.ts `successorParts`;
 * the contract suite checks that both build the same successor (test/models/contract).
 */
export function fastPathApplies<C, M extends { type: string }>(runtime: Runtime<C, M>): boolean {
  const { layout, network } = runtime;
  return (
    !layout.aged &&
    (network.ordering ?? "unordered") === "unordered" &&
    network.duplication !== "persistent" &&
    runtime.adversary.budget === 0 &&
    runtime.protocol.history === undefined
  );
}

/** Whether `action` takes the fast path (in a model where `fastPathApplies`). */
export function isFastAction(action: RuntimeAction): boolean {
  return (action.kind === "deliver" && action.crashAfter === undefined) || action.kind === "input";
}

/** Writes the successor's words into `out` (large enough) and returns how many. */
export function fastSuccessorWords<C, M extends { type: string }>(runtime: Runtime<C, M>, state: Uint32Array, action: RuntimeAction, out: Uint32Array): number {
  const { layout } = runtime;
  const networkAt = layout.networkAt;
  for (let i = 0; i < networkAt; i++) out[i] = state[i]!;
  let actor: number;
  let delivered = -1;
  let reaction: Reaction;
  if (action.kind === "deliver") {
    delivered = action.envelope;
    actor = runtime.envelopes.values[delivered]!.to;
    reaction = runtime.onDelivery(actor, state[layout.snapshotAt(actor)]!, delivered);
  } else if (action.kind === "input") {
    actor = action.actor;
    reaction = runtime.onInput(actor, state[layout.snapshotAt(actor)]!, action.offer.event);
  } else throw new Error(`runtime: ${action.kind} is not a fast-path action`);
  out[layout.snapshotAt(actor)] = reaction.next;
  if (reaction.timers.length > 0) {
    const at = layout.timersAt(actor);
    out[at] = applyTimers(out[at]!, reaction.timers);
  }
  const sends = runtime.sortedSends(reaction);
  const ranks = runtime.envelopeRanks;
  const screens = runtime.mayGoDeaf || runtime.obsolete.any;
  const actorChanged = reaction.next !== state[layout.snapshotAt(actor)];
  const count = state[networkAt]!;
  let read = networkAt + 1;
  const readEnd = read + 2 * count;
  let write = networkAt + 1;
  let next = 0;
  let entries = 0;
  while (read < readEnd || next < sends.length) {
    let envelope: number;
    let copies: number;
    const fromState = read < readEnd && (next >= sends.length || ranks[state[read]!]! <= ranks[sends[next]!]!);
    let fresh = false;
    if (fromState) {
      envelope = state[read]!;
      copies = state[read + 1]!;
      read += 2;
      if (envelope === delivered) {
        copies--;
        delivered = -1;
      }
    } else {
      envelope = sends[next++]!;
      copies = 1;
      fresh = true;
    }
    // Equal envelopes (one in the state, copies of it among the sends) merge into one entry.
    while (next < sends.length && sends[next] === envelope) {
      copies++;
      next++;
    }
    if (copies === 0) continue;
    if (screens && (fresh || actorChanged) && !stillDeliverable(runtime, out, envelope, fresh ? -1 : actor)) continue;
    if (entries > 0 && out[write - 2] === envelope) {
      out[write - 1] += copies;
      continue;
    }
    out[write] = envelope;
    out[write + 1] = copies;
    write += 2;
    entries++;
  }
  out[networkAt] = entries;
  return write;
}

/**
 * Whether `envelope` stays in flight in the successor whose head is `out`: a new send (`onlyTo`
 * −1), or one already in flight to `onlyTo`, whose snapshot the step changed; the others keep
 * what they had. Its receiver must be able to take it (not in a final state: Runtime.isDeaf)
 * and not call it obsolete (Runtime.discardObsolete).
 */
function stillDeliverable<C, M extends { type: string }>(runtime: Runtime<C, M>, out: Uint32Array, envelope: number, onlyTo: number): boolean {
  const to = runtime.envelopes.values[envelope]!.to;
  if (onlyTo >= 0 && to !== onlyTo) return true;
  if (runtime.isDeaf(out, to)) return false;
  return !runtime.obsolete.has(to) || !runtime.isObsolete(to, out[runtime.layout.snapshotAt(to)]!, envelope);
}
