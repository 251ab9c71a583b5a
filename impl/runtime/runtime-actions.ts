import { ageAll, linkHeads, oldestEntry, removeEntry, takeCopy, type InFlight } from "./in-flight.ts";
import { afterGst, mayLose, overdueAge, timersHeld } from "./partial-synchrony.ts";
import { discardObsolete } from "./obsolete-messages.ts";
import { applyTimers, type Reaction, type Runtime } from "./runtime.ts";
import type { Offer } from "./step-offers.ts";

/**
 * The runtime's actions (Stateright's `ActorModelAction`): a delivery, a loss, a duplication, a
 * timer's expiry, a crash, a recovery — where the fault model allows it, a delivery or expiry
 * after which the actor crashes having sent only the first `crashAfter` of the step's messages —
 * and the network's own steps: a partition, a heal, global stabilisation time.
 */
export type RuntimeAction =
  | { kind: "deliver"; envelope: number; crashAfter?: number }
  | { kind: "drop"; envelope: number }
  | { kind: "duplicate"; envelope: number }
  | { kind: "timeout"; actor: number; timer: number; crashAfter?: number }
  | { kind: "crash"; actor: number }
  | { kind: "recover"; actor: number }
  | { kind: "partition"; partition: number }
  | { kind: "heal" }
  | { kind: "gst" }
  /** A protocol step (protocol.ts `steps`): its event to its actor. */
  | { kind: "input"; actor: number; offer: Pick<Offer, "kind" | "fields" | "event"> }
  /** A Byzantine actor sends a copy of a message it has seen to `to` (faults.replay). */
  | { kind: "replay"; actor: number; message: number; to: number };

/**
 * Enabled actions in a fixed order: deliveries, drops and duplications in the in-flight
 * multiset's order (by the message's step text, not by id: see `EnvelopeEntry.order`; one action
 * per envelope, whatever ages its copies have: in-flight.ts `oldestEntry`), then timers by actor
 * and timer name, crashes and recoveries by actor, partitions in their declared order, heal, GST,
 * then protocol steps by actor (each actor's by kind name, then in the order offered) and
 * replays by actor, message text and receiver. Under FIFO links only the head of each link's
 * queue may be delivered (still in the order of the step's text); any entry may be lost.
 */
export function enabledActions<C, M extends { type: string }>(runtime: Runtime<C, M>, state: Uint32Array): RuntimeAction[] {
  const { layout, partitions } = runtime;
  const actions: RuntimeAction[] = [];
  const inFlight = layout.networkInto(state, runtime.scratchActionsInFlight);
  const fifo = runtime.network.ordering === "fifo";
  const envelopes = fifo ? byOrder(runtime, [...new Set(inFlight.envelopes)]) : distinct(inFlight.envelopes);
  const deliverable = fifo ? byOrder(runtime, [...new Set(linkHeads(inFlight, runtime.linkOf))]) : envelopes;
  const partition = partitions === undefined ? 0 : state[layout.partitionAt]!;
  for (const envelope of deliverable) {
    const { from, to } = runtime.envelopes.values[envelope]!;
    if (layout.isCrashed(state, to)) continue;
    // Across the sides of the partition in force, a message waits (or is lost).
    if (partition !== 0 && partitions!.separates(partition - 1, from, to)) continue;
    actions.push(runtime.deliverAction(envelope));
    if (runtime.faults.midMulticast && runtime.canCrash(state, to)) {
      const reaction = runtime.onDelivery(to, state[layout.snapshotAt(to)]!, envelope);
      for (let sent = 1; sent < reaction.sends.length; sent++) actions.push({ kind: "deliver", envelope, crashAfter: sent });
    }
  }
  for (const envelope of envelopes) if (mayDrop(runtime, state, envelope)) actions.push({ kind: "drop", envelope });
  if (runtime.duplicateBudget > 0 && state[layout.duplicateCountAt]! < runtime.duplicateBudget) for (const envelope of envelopes) actions.push({ kind: "duplicate", envelope });
  const timed = afterGst(layout, state);
  // No role has set a timer yet: no timer word can be non-zero.
  if (runtime.timerNames.size > 0) for (let actor = 0; actor < runtime.actors.length; actor++) {
    if (layout.isCrashed(state, actor)) continue;
    const timers = state[layout.timersAt(actor)]!;
    if (timers === 0) continue;
    if (timed && timersHeld(runtime, state, inFlight, actor)) continue;
    for (const timer of runtime.timerOrder(actor)) {
      if ((timers & (1 << timer)) === 0) continue;
      actions.push({ kind: "timeout", actor, timer });
      if (runtime.faults.midMulticast && runtime.canCrash(state, actor)) {
        const reaction = runtime.onTimeout(actor, state[layout.snapshotAt(actor)]!, timer);
        for (let sent = 1; sent < reaction.sends.length; sent++) actions.push({ kind: "timeout", actor, timer, crashAfter: sent });
      }
    }
  }
  if (runtime.faults.crashes > 0) for (let actor = 0; actor < runtime.actors.length; actor++) if (runtime.canCrash(state, actor)) actions.push({ kind: "crash", actor });
  if (runtime.faults.recover === true) for (let actor = 0; actor < runtime.actors.length; actor++) if (layout.isCrashed(state, actor)) actions.push({ kind: "recover", actor });
  // After GST the network is synchronous: it neither splits nor is split (GST waits for a heal).
  if (partitions !== undefined && !timed) {
    if (partition === 0) partitions.declared.forEach((_, index) => actions.push({ kind: "partition", partition: index }));
    else actions.push({ kind: "heal" });
  }
  if (runtime.delta !== undefined && !timed && partition === 0) actions.push({ kind: "gst" });
  if (runtime.stepKinds.length > 0) {
    for (let actor = 0; actor < runtime.actors.length; actor++) {
      if (layout.isCrashed(state, actor)) continue;
      for (const offer of runtime.offers.in(actor, state[layout.snapshotAt(actor)]!)) actions.push(offer.action);
    }
  }
  if (runtime.adversary.budget > 0 && state[layout.replayCountAt]! < runtime.adversary.budget) pushReplays(runtime, state, actions);
  return actions;
}

/**
 * A loss of `envelope` is enabled: the network loses messages (before GST, or from a crashed
 * sender after it: partial-synchrony.ts), or its sender or receiver is omission-faulty (send
 * and receive omission: such an actor's messages may go missing whatever the time).
 */
function mayDrop<C, M extends { type: string }>(runtime: Runtime<C, M>, state: Uint32Array, envelope: number): boolean {
  const { from, to } = runtime.envelopes.values[envelope]!;
  if (runtime.isOmissive(from) || runtime.isOmissive(to)) return true;
  return runtime.network.loss && mayLose(runtime, state, from);
}

/** Each up Byzantine actor's replays: every message it has seen, to every actor that can still take it but itself. */
function pushReplays<C, M extends { type: string }>(runtime: Runtime<C, M>, state: Uint32Array, actions: RuntimeAction[]): void {
  const { layout } = runtime;
  const head = state.subarray(0, layout.networkAt);
  for (let actor = 0; actor < runtime.actors.length; actor++) {
    const word = runtime.adversary.wordOf[actor]!;
    if (word < 0 || layout.isCrashed(state, actor)) continue;
    const known = [...runtime.adversary.sets.values[state[layout.knowledgeAt + word]!]!];
    // By the message's text, not by id: ids depend on the order the runtime met messages.
    known.sort((a, b) => (runtime.messages.keyOf(a)! < runtime.messages.keyOf(b)! ? -1 : 1));
    for (const message of known) {
      for (let to = 0; to < runtime.actors.length; to++) if (to !== actor && !runtime.isDeaf(head, to)) actions.push({ kind: "replay", actor, message, to });
    }
  }
}

/** Envelopes sorted by their step text (EnvelopeEntry.order), as actions must be. */
function byOrder<C, M extends { type: string }>(runtime: Runtime<C, M>, envelopes: number[]): number[] {
  return envelopes.sort((a, b) => (runtime.precedes(a, b) ? -1 : 1));
}

/** The successor of `state` under an enabled `action`; `state` is not changed. */
export function applyAction<C, M extends { type: string }>(runtime: Runtime<C, M>, state: Uint32Array, action: RuntimeAction): Uint32Array {
  const { head, inFlight } = successorParts(runtime, state, action);
  const next = runtime.layout.build(head, inFlight);
  runtime.recordHistory(next);
  return next;
}

/**
 * The successor's words before the network (`head`) and its in-flight multiset, in the
 * runtime's scratch (valid until the next call): `applyAction` builds a state from them,
 * `encodeSuccessor` writes their encoding without building one.
 */
export function successorParts<C, M extends { type: string }>(runtime: Runtime<C, M>, state: Uint32Array, action: RuntimeAction): { head: Uint32Array; inFlight: InFlight } {
  const { layout } = runtime;
  const head = runtime.scratchHead;
  head.set(state.subarray(0, layout.networkAt));
  const inFlight = layout.networkInto(state, runtime.scratchInFlight);
  const fifo = runtime.network.ordering === "fifo";
  // After GST every step is a step of time for what is in flight; the step's own sends are new.
  if (layout.aged && afterGst(layout, state)) ageAll(inFlight, overdueAge(runtime.delta!));
  switch (action.kind) {
    case "crash":
      crash(runtime, head, action.actor);
      break;
    case "recover": {
      const start = runtime.start(action.actor);
      head[0] = (head[0]! & ~(1 << action.actor)) >>> 0;
      head[layout.snapshotAt(action.actor)] = start.next;
      head[layout.timersAt(action.actor)] = applyTimers(0, start.timers);
      runtime.send(inFlight, start.sends);
      runtime.adversary.learn(runtime, head, start.sends);
      break;
    }
    case "drop":
      takeCopy(inFlight, oldestEntry(inFlight, action.envelope, fifo));
      break;
    case "duplicate":
      inFlight.copies[oldestEntry(inFlight, action.envelope)]!++;
      head[layout.duplicateCountAt]!++;
      break;
    case "deliver": {
      const to = runtime.envelopes.values[action.envelope]!.to;
      const reaction = runtime.onDelivery(to, state[layout.snapshotAt(to)]!, action.envelope);
      if (runtime.network.duplication !== "persistent") takeCopy(inFlight, oldestEntry(inFlight, action.envelope, fifo));
      react(runtime, head, to, reaction, action.crashAfter, inFlight);
      break;
    }
    case "timeout": {
      const at = layout.timersAt(action.actor);
      head[at] = (head[at]! & ~(1 << action.timer)) >>> 0;
      const reaction = runtime.onTimeout(action.actor, state[layout.snapshotAt(action.actor)]!, action.timer);
      react(runtime, head, action.actor, reaction, action.crashAfter, inFlight);
      break;
    }
    case "partition":
      head[layout.partitionAt] = action.partition + 1;
      break;
    case "heal":
      head[layout.partitionAt] = 0;
      break;
    case "gst":
      head[layout.gstAt] = 1;
      break;
    case "input": {
      const reaction = runtime.onInput(action.actor, state[layout.snapshotAt(action.actor)]!, action.offer.event);
      react(runtime, head, action.actor, reaction, undefined, inFlight);
      break;
    }
    case "replay": {
      const envelope = runtime.envelope(action.actor, action.to, action.message);
      runtime.send(inFlight, [envelope]);
      runtime.adversary.learn(runtime, head, [envelope]);
      head[layout.replayCountAt]!++;
      break;
    }
  }
  // Undeliverable messages leave the network (Runtime.isDeaf), and so do those their receiver's machine calls obsolete.
  if (runtime.mayGoDeaf) for (let i = inFlight.envelopes.length - 1; i >= 0; i--) if (runtime.isDeaf(head, runtime.envelopes.values[inFlight.envelopes[i]!]!.to)) removeEntry(inFlight, i);
  discardObsolete(runtime, head, inFlight);
  return { head, inFlight };
}

function react<C, M extends { type: string }>(runtime: Runtime<C, M>, head: Uint32Array, actor: number, reaction: Reaction, crashAfter: number | undefined, inFlight: InFlight): void {
  const sent = crashAfter ?? reaction.sends.length;
  const sends = sent === reaction.sends.length ? reaction.sends : reaction.sends.slice(0, sent);
  runtime.send(inFlight, sends);
  runtime.adversary.learn(runtime, head, sends);
  if (crashAfter !== undefined) {
    // A crashed actor's state no longer matters: it is frozen as it was before the step.
    crash(runtime, head, actor);
    return;
  }
  head[runtime.layout.snapshotAt(actor)] = reaction.next;
  const timersAt = runtime.layout.timersAt(actor);
  head[timersAt] = applyTimers(head[timersAt]!, reaction.timers);
}

function crash<C, M extends { type: string }>(runtime: Runtime<C, M>, head: Uint32Array, actor: number): void {
  head[0] = (head[0]! | (1 << actor)) >>> 0;
  head[runtime.layout.timersAt(actor)] = 0;
  if (runtime.faults.recover === true) head[runtime.layout.crashCountAt]!++;
}

/** The envelopes of a sorted multiset, each once (copies of one envelope with other ages are adjacent). */
function distinct(envelopes: readonly number[]): readonly number[] {
  for (let i = 1; i < envelopes.length; i++) if (envelopes[i] === envelopes[i - 1]) return envelopes.filter((envelope, j) => j === 0 || envelopes[j - 1] !== envelope);
  return envelopes;
}
