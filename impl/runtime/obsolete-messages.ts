import type { AnyStateMachine } from "xstate";
import { removeEntry, type InFlight } from "./in-flight.ts";
import type { Runtime } from "./runtime.ts";

/** A machine's `isObsolete` guard, as XState's setup keeps it. */
export type ObsoleteGuard = (args: { context: unknown; event: unknown }, params: unknown) => boolean;

/**
 * The machines' own rule for dead messages (protocol.ts: a guard named `isObsolete` in a
 * machine's `setup`, true of a delivery it will ignore in this snapshot and every later one),
 * and its memo per (actor, event, snapshot).
 */
export class ObsoleteGuards {
  /** Whether any actor's machine declares the guard: else nothing is ever looked at. */
  readonly any: boolean;
  private readonly guards: (ObsoleteGuard | undefined)[];
  private readonly memo: (boolean | undefined)[][][];

  constructor(machines: readonly AnyStateMachine[]) {
    this.guards = machines.map((machine) => (machine.implementations.guards as Record<string, ObsoleteGuard | undefined>)["isObsolete"]);
    this.memo = machines.map(() => []);
    this.any = this.guards.some((guard) => guard !== undefined);
  }

  has(actor: number): boolean {
    return this.guards[actor] !== undefined;
  }

  guard(actor: number): ObsoleteGuard {
    return this.guards[actor]!;
  }

  /** The guard's answer for (actor, snapshot, event), computed by `evaluate` once. */
  holds(actor: number, snapshotId: number, event: number, evaluate: () => boolean): boolean {
    const memo = (this.memo[actor]![event] ??= []);
    let obsolete = memo[snapshotId];
    if (obsolete === undefined) {
      obsolete = evaluate();
      memo[snapshotId] = obsolete;
    }
    return obsolete;
  }
}

/**
 * Messages their receiver's machine calls obsolete leave the network: delivering them could
 * change nothing, and dead messages would otherwise multiply states.
 */
export function discardObsolete<C, M extends { type: string }>(runtime: Runtime<C, M>, head: Uint32Array, inFlight: InFlight): void {
  if (!runtime.obsolete.any) return;
  for (let i = inFlight.envelopes.length - 1; i >= 0; i--) {
    const envelope = inFlight.envelopes[i]!;
    const to = runtime.envelopes.values[envelope]!.to;
    if (!runtime.obsolete.has(to) || runtime.layout.isCrashed(head, to)) continue;
    if (runtime.isObsolete(to, head[runtime.layout.snapshotAt(to)]!, envelope)) removeEntry(inFlight, i);
  }
}

/**
 * Checks the machines' `isObsolete` claims in `state` (the contract suite calls it on sampled
 * states): for every actor that declares the guard and every message ever sent to it, if the
 * guard calls the delivery obsolete, delivering it must change nothing — the same snapshot, no
 * send, no timer. Returns the first claim that fails, in words, or undefined.
 */
export function brokenObsoleteClaim<C, M extends { type: string }>(runtime: Runtime<C, M>, state: Uint32Array): string | undefined {
  const { layout, envelopes } = runtime;
  for (let actor = 0; actor < runtime.actors.length; actor++) {
    if (!runtime.obsolete.has(actor) || layout.isCrashed(state, actor)) continue;
    const snapshotId = state[layout.snapshotAt(actor)]!;
    for (let envelope = 0; envelope < envelopes.size; envelope++) {
      const { to, from, message } = envelopes.values[envelope]!;
      if (to !== actor || !runtime.isObsolete(actor, snapshotId, envelope)) continue;
      const reaction = runtime.onDelivery(actor, snapshotId, envelope);
      if (reaction.next !== snapshotId || reaction.sends.length > 0 || reaction.timers.length > 0) {
        return `${runtime.actors[actor]!.name}'s isObsolete calls ${runtime.messages.values[message]!.id} from ${runtime.actors[from]!.name} obsolete, but delivering it changes its state or sends`;
      }
    }
  }
  return undefined;
}
