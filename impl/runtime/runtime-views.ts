import { afterGst } from "./partial-synchrony.ts";
import type { Runtime } from "./runtime.ts";
import type { ActorView, InFlightView, RuntimeView } from "./runtime-view.ts";

/** The protocol-neutral view of one global state (runtime-view.ts), built on demand. */
export function viewOf<C, M extends { type: string }>(runtime: Runtime<C, M>, state: Uint32Array): RuntimeView {
  const { layout } = runtime;
  const actors: ActorView[] = runtime.actors.map((declaration, index) => {
    const { snapshot } = runtime.snapshots.values[state[layout.snapshotAt(index)]!]!;
    const crashed = layout.isCrashed(state, index);
    const byzantine = runtime.isByzantine(index);
    return { name: declaration.name, role: declaration.role, index, crashed, byzantine, correct: !crashed && !byzantine && !runtime.isOmissive(index), value: snapshot.value, context: snapshot.context };
  });
  const byRole = new Map<string, readonly ActorView[]>();
  return {
    history: runtime.protocol.history === undefined ? undefined : runtime.histories.values[state[layout.historyAt]!],
    afterGst: layout.aged ? afterGst(layout, state) : undefined,
    actors,
    actor(name) {
      const index = runtime.actorIndex(name);
      if (index === undefined) throw new Error(`no actor named ${name}`);
      return actors[index]!;
    },
    role(role) {
      // Properties ask for a role several times per state: filtered once per view.
      let found = byRole.get(role);
      if (found === undefined) {
        found = actors.filter((actor) => actor.role === role);
        byRole.set(role, found);
      }
      return found;
    },
    inFlight() {
      const { envelopes, copies, ages } = layout.network(state);
      return envelopes.map((envelope, i): InFlightView => {
        const { from, to, message } = runtime.envelopes.values[envelope]!;
        const entry: InFlightView = { from: runtime.actors[from]!.name, to: runtime.actors[to]!.name, message: runtime.messages.values[message]!.message, copies: copies[i]! };
        if (ages !== undefined) entry.age = ages[i]!;
        return entry;
      });
    },
  };
}
