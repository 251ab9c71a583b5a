import { applyTimers, type Reaction, type Runtime } from "./runtime.ts";

/**
 * The runtime's actions (Stateright's `ActorModelAction`): a delivery, a loss, a timer's
 * expiry, a crash — and, where the fault model allows it, a delivery or expiry after which the
 * actor crashes having sent only the first `crashAfter` of the step's messages.
 */
export type RuntimeAction =
  | { kind: "deliver"; envelope: number; crashAfter?: number }
  | { kind: "drop"; envelope: number }
  | { kind: "timeout"; actor: number; timer: number; crashAfter?: number }
  | { kind: "crash"; actor: number };

/**
 * Enabled actions in a fixed order: deliveries and drops in the in-flight multiset's order (by
 * the message's step text, not by id: see `EnvelopeEntry.order`), then timers by actor and
 * timer name, then crashes by actor.
 */
export function enabledActions<C, M extends { type: string }>(runtime: Runtime<C, M>, state: Uint32Array): RuntimeAction[] {
  const { layout } = runtime;
  const actions: RuntimeAction[] = [];
  const { envelopes } = layout.network(state);
  for (const envelope of envelopes) {
    const to = runtime.envelopes.values[envelope]!.to;
    if (layout.isCrashed(state, to)) continue;
    actions.push({ kind: "deliver", envelope });
    if (runtime.faults.midMulticast && runtime.canCrash(state, to)) {
      const reaction = runtime.onDelivery(to, state[layout.snapshotAt(to)]!, envelope);
      for (let sent = 1; sent < reaction.sends.length; sent++) actions.push({ kind: "deliver", envelope, crashAfter: sent });
    }
  }
  if (runtime.network.loss) for (const envelope of envelopes) actions.push({ kind: "drop", envelope });
  for (let actor = 0; actor < runtime.actors.length; actor++) {
    if (layout.isCrashed(state, actor)) continue;
    const timers = state[layout.timersAt(actor)]!;
    if (timers === 0) continue;
    for (const timer of runtime.timerOrder(actor)) {
      if ((timers & (1 << timer)) === 0) continue;
      actions.push({ kind: "timeout", actor, timer });
      if (runtime.faults.midMulticast && runtime.canCrash(state, actor)) {
        const reaction = runtime.onTimeout(actor, state[layout.snapshotAt(actor)]!, timer);
        for (let sent = 1; sent < reaction.sends.length; sent++) actions.push({ kind: "timeout", actor, timer, crashAfter: sent });
      }
    }
  }
  for (let actor = 0; actor < runtime.actors.length; actor++) if (runtime.canCrash(state, actor)) actions.push({ kind: "crash", actor });
  return actions;
}

/** The successor of `state` under an enabled `action`; `state` is not changed. */
export function applyAction<C, M extends { type: string }>(runtime: Runtime<C, M>, state: Uint32Array, action: RuntimeAction): Uint32Array {
  const { layout } = runtime;
  const head = state.slice(0, layout.networkAt);
  const { envelopes, copies } = layout.network(state);
  const persistent = runtime.network.duplication === "persistent";
  switch (action.kind) {
    case "crash":
      crash(head, layout.timersAt(action.actor), action.actor);
      break;
    case "drop":
      remove(envelopes, copies, action.envelope);
      break;
    case "deliver": {
      const to = runtime.envelopes.values[action.envelope]!.to;
      const reaction = runtime.onDelivery(to, state[layout.snapshotAt(to)]!, action.envelope);
      if (!persistent) remove(envelopes, copies, action.envelope);
      react(runtime, head, to, reaction, action.crashAfter, envelopes, copies);
      break;
    }
    case "timeout": {
      const at = layout.timersAt(action.actor);
      head[at] = (head[at]! & ~(1 << action.timer)) >>> 0;
      const reaction = runtime.onTimeout(action.actor, state[layout.snapshotAt(action.actor)]!, action.timer);
      react(runtime, head, action.actor, reaction, action.crashAfter, envelopes, copies);
      break;
    }
  }
  // Undeliverable messages leave the network (Runtime.isDeaf).
  for (let i = envelopes.length - 1; i >= 0; i--) {
    if (!runtime.isDeaf(head, runtime.envelopes.values[envelopes[i]!]!.to)) continue;
    envelopes.splice(i, 1);
    copies.splice(i, 1);
  }
  const next = layout.build(head, envelopes, copies);
  runtime.recordHistory(next);
  return next;
}

function react<C, M extends { type: string }>(
  runtime: Runtime<C, M>,
  head: Uint32Array,
  actor: number,
  reaction: Reaction,
  crashAfter: number | undefined,
  envelopes: number[],
  copies: number[],
): void {
  const snapshotAt = runtime.layout.snapshotAt(actor);
  const timersAt = runtime.layout.timersAt(actor);
  const sent = crashAfter ?? reaction.sends.length;
  for (let i = 0; i < sent; i++) add(runtime, envelopes, copies, reaction.sends[i]!);
  if (crashAfter !== undefined) {
    // A crashed actor's state no longer matters: it is frozen as it was before the step.
    crash(head, timersAt, actor);
    return;
  }
  head[snapshotAt] = reaction.next;
  head[timersAt] = applyTimers(head[timersAt]!, reaction.timers);
}

function crash(head: Uint32Array, timersAt: number, actor: number): void {
  head[0] = (head[0]! | (1 << actor)) >>> 0;
  head[timersAt] = 0;
}

function remove(envelopes: number[], copies: number[], envelope: number): void {
  const at = envelopes.indexOf(envelope);
  if (copies[at]! > 1) copies[at]!--;
  else {
    envelopes.splice(at, 1);
    copies.splice(at, 1);
  }
}

function add<C, M extends { type: string }>(runtime: Runtime<C, M>, envelopes: number[], copies: number[], envelope: number): void {
  let at = 0;
  while (at < envelopes.length && runtime.precedes(envelopes[at]!, envelope)) at++;
  if (envelopes[at] === envelope) {
    if (runtime.network.duplication !== "persistent") copies[at]!++;
    return;
  }
  envelopes.splice(at, 0, envelope);
  copies.splice(at, 0, 1);
}
