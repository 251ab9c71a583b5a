import { canonicalJson } from "../../spec/common/canonical-json.ts";
import { InputError } from "../../spec/common/input-error.ts";
import type { StepFields } from "./protocol.ts";
import type { RuntimeAction } from "./runtime-actions.ts";
import type { Runtime } from "./runtime.ts";

/** A protocol step an actor may take in its snapshot (protocol.ts `steps`): enabled, since its machine takes the event. */
export interface Offer {
  /** Index into `Runtime.stepKinds`. */
  kind: number;
  fields: StepFields;
  event: number;
  /** The action taking it, made once (actions are never changed, so states share them). */
  action: RuntimeAction;
}

/**
 * The protocol's own steps (protocol.ts `steps`) as offers to actors: each actor is offered the
 * kinds of its role (the Byzantine ones only if it is Byzantine), and an offer is enabled iff
 * the actor's machine takes its event in that snapshot (a transition whose guard passes:
 * XState's `can`). Memoised per (actor, snapshot): offers read the actor's own snapshot only.
 */
export class StepOffers<Config> {
  /** Per actor, the step kinds offered to it (indices into Runtime.stepKinds). */
  private readonly kindsOf: number[][];
  private readonly memo: Map<number, Offer[]>[];

  constructor(private readonly runtime: Runtime<Config, { type: string }>) {
    const { protocol, stepKinds, actors, byzantine } = runtime;
    for (const [name, kind] of stepKinds) {
      for (const role of kind.roles) if (protocol.roles[role] === undefined) throw new InputError(`${protocol.name}: step kind ${name} names the role ${role}, which the protocol does not declare`);
    }
    this.kindsOf = actors.map((actor, index) => stepKinds.flatMap(([, kind], at) => (kind.roles.includes(actor.role) && (kind.byzantine !== true || byzantine[index]) ? [at] : [])));
    this.memo = actors.map(() => new Map());
  }

  /** The protocol steps `actor` may take in snapshot `snapshotId`. */
  in(actor: number, snapshotId: number): readonly Offer[] {
    const memo = this.memo[actor]!;
    const known = memo.get(snapshotId);
    if (known !== undefined) return known;
    const { runtime } = this;
    const { snapshot } = runtime.snapshots.values[snapshotId]!;
    const declaration = runtime.actors[actor]!;
    const seen = { name: declaration.name, role: declaration.role, value: snapshot.value, context: snapshot.context };
    const offers: Offer[] = [];
    for (const kind of this.kindsOf[actor]!) {
      const [name, stepKind] = runtime.stepKinds[kind]!;
      for (const fields of runtime.guarded(actor, `the offers of step kind ${name}`, () => stepKind.offers(seen, runtime.config))) {
        const event = this.eventOf(kind, fields);
        if (!runtime.guarded(actor, `a ${name} step`, () => snapshot.can(runtime.events.values[event] as { type: string }))) continue;
        const offer = { kind, fields, event };
        offers.push({ ...offer, action: { kind: "input", actor, offer } });
      }
    }
    memo.set(snapshotId, offers);
    return offers;
  }

  /** The event of a protocol step, interned. */
  eventOf(kind: number, fields: StepFields): number {
    const [name, stepKind] = this.runtime.stepKinds[kind]!;
    return this.runtime.events.intern(`s${name}|${canonicalJson(fields)}`, () => stepKind.event(fields));
  }
}
