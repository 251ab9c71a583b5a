import { afterGst } from "./partial-synchrony.ts";
import type { Runtime } from "./runtime.ts";
import type { ActorView, InFlightView, RuntimeView } from "./runtime-view.ts";

/**
 * The protocol-neutral view of one global state (runtime-view.ts), built on demand: properties
 * read one per new state, so it is cheap to make — an actor's view is made once per (actor,
 * snapshot, crashed) and shared by every state that has it (frozen: properties only read), and
 * the lists a property asks for are made when first asked.
 */
export function viewOf<C, M extends { type: string }>(runtime: Runtime<C, M>, state: Uint32Array): RuntimeView {
  return new StateView(runtime, state);
}

class StateView<C, M extends { type: string }> implements RuntimeView {
  private actorList: readonly ActorView[] | undefined;
  private byRole: Map<string, readonly ActorView[]> | undefined;

  constructor(
    private readonly runtime: Runtime<C, M>,
    private readonly state: Uint32Array,
  ) {}

  get actors(): readonly ActorView[] {
    return (this.actorList ??= this.runtime.actors.map((_, index) => this.actorAt(index)));
  }

  get history(): unknown {
    const { runtime } = this;
    return runtime.protocol.history === undefined ? undefined : runtime.histories.values[this.state[runtime.layout.historyAt]!];
  }

  get afterGst(): boolean | undefined {
    const { layout } = this.runtime;
    return layout.timed ? afterGst(layout, this.state) : undefined;
  }

  get split(): readonly (readonly string[])[] | undefined {
    const { runtime, state } = this;
    const partitions = runtime.partitions;
    if (partitions === undefined) return undefined;
    const inForce = state[runtime.layout.partitionAt]!;
    return inForce === 0 ? undefined : partitions.declared[inForce - 1];
  }

  actor(name: string): ActorView {
    const index = this.runtime.actorIndex(name);
    if (index === undefined) throw new Error(`no actor named ${name}`);
    return this.actors[index]!;
  }

  role(role: string): readonly ActorView[] {
    // Properties ask for a role several times per state: filtered once per view.
    this.byRole ??= new Map();
    let found = this.byRole.get(role);
    if (found === undefined) {
      found = this.actors.filter((actor) => actor.role === role);
      this.byRole.set(role, found);
    }
    return found;
  }

  inFlight(): readonly InFlightView[] {
    const { runtime, state } = this;
    const { envelopes, copies, ages } = runtime.layout.network(state);
    return envelopes.map((envelope, i): InFlightView => {
      const { from, to, message } = runtime.envelopes.values[envelope]!;
      const entry: InFlightView = { from: runtime.actors[from]!.name, to: runtime.actors[to]!.name, message: runtime.messages.values[message]!.message, copies: copies[i]! };
      if (ages !== undefined) entry.age = ages[i]!;
      return entry;
    });
  }

  private actorAt(index: number): ActorView {
    const { runtime, state } = this;
    const snapshotId = state[runtime.layout.snapshotAt(index)]!;
    const crashed = runtime.layout.isCrashed(state, index);
    const cache = (runtime.actorViews[index] ??= [[], []]);
    const known = cache[crashed ? 1 : 0][snapshotId];
    if (known !== undefined) return known;
    const declaration = runtime.actors[index]!;
    const { snapshot } = runtime.snapshots.values[snapshotId]!;
    const byzantine = runtime.isByzantine(index);
    const view: ActorView = Object.freeze({
      name: declaration.name,
      role: declaration.role,
      index,
      crashed,
      byzantine,
      correct: !crashed && !byzantine && !runtime.isOmissive(index),
      value: snapshot.value,
      context: snapshot.context,
    });
    cache[crashed ? 1 : 0][snapshotId] = view;
    return view;
  }
}

