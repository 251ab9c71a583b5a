import { applyTimers, type Reaction, type Runtime } from "./runtime.ts";
import type { RuntimeAction } from "./runtime-actions.ts";

/**
 * The hot path of the runtime (the explorer asks for every transition's successor): a delivery
 * or a protocol step, in a model whose in-flight entries are plain (envelope, copies) pairs —
 * an unordered network that consumes deliveries, no ages, nothing that discards messages (no
 * crashes, final states, obsolete guards or replays) and no ghost history. The successor's
 * words are written straight into `out`, merging the step's sends (sorted once per reaction)
 * into the sorted multiset: no object per transition. Every other action and model takes
 * runtime-actions.ts `successorParts`; the contract suite checks both give the same bytes.
 */
export function fastPathApplies<C, M extends { type: string }>(runtime: Runtime<C, M>): boolean {
  const { layout, network } = runtime;
  return (
    !layout.aged &&
    (network.ordering ?? "unordered") === "unordered" &&
    network.duplication !== "persistent" &&
    !runtime.mayGoDeaf &&
    !runtime.mayDiscardObsolete &&
    runtime.replayBudget === 0 &&
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
  const count = state[networkAt]!;
  let read = networkAt + 1;
  const readEnd = read + 2 * count;
  let write = networkAt + 1;
  let next = 0;
  let entries = 0;
  while (read < readEnd || next < sends.length) {
    let envelope: number;
    let copies: number;
    const fromState = read < readEnd && (next >= sends.length || runtime.rankOf(state[read]!) <= runtime.rankOf(sends[next]!));
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
    }
    // Equal envelopes (one in the state, copies of it among the sends) merge into one entry.
    while (next < sends.length && sends[next] === envelope) {
      copies++;
      next++;
    }
    if (copies === 0) continue;
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
