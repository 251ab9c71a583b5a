import type { RuntimeAction } from "./runtime-actions.ts";
import type { Runtime } from "./runtime.ts";
import { MAX_TIMERS_PER_ROLE } from "./state-layout.ts";

/**
 * The runtime's weak-fairness classes (explorer/liveness): what a fair run may not leave
 * enabled for ever without taking it. Seed catalogue A2: "finite" delay is a fairness
 * assumption — every message to a correct actor is eventually delivered (or lost, where the
 * network may lose it), every timer a correct actor keeps set eventually expires (time
 * passes), and every step a correct actor may take of its own accord (a client's request) is
 * eventually taken. The adversary's steps are never owed: crashes, losses, duplications,
 * partitions, replays and Byzantine behaviours, nor a delivery that ends in a crash. GST is
 * owed in another way: a run must reach it (`settled`), since a cycle only counts after it.
 *
 * A class names the same thing in every state: a delivery by its envelope, an expiry by
 * (actor, timer), a protocol step by (actor, kind, fields). Three interleaved ranges keep them
 * apart in one number.
 */
export class FairnessClasses {
  private readonly stepIds = new Map<string, number>();

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  constructor(private readonly runtime: Runtime<any, { type: string }>) {}

  of(action: RuntimeAction): number {
    const { runtime } = this;
    switch (action.kind) {
      case "deliver": {
        if (action.crashAfter !== undefined) return -1;
        const { to } = runtime.envelopes.values[action.envelope]!;
        return runtime.isByzantine(to) ? -1 : action.envelope * 3;
      }
      case "timeout":
        if (action.crashAfter !== undefined || runtime.isByzantine(action.actor)) return -1;
        return (action.actor * MAX_TIMERS_PER_ROLE + action.timer) * 3 + 1;
      case "input": {
        if (runtime.isByzantine(action.actor)) return -1;
        const key = `${action.actor} ${action.offer.kind} ${JSON.stringify(action.offer.fields)}`;
        let id = this.stepIds.get(key);
        if (id === undefined) this.stepIds.set(key, (id = this.stepIds.size));
        return id * 3 + 2;
      }
      default:
        return -1;
    }
  }
}
