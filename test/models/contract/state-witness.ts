import type { TransitionSystem } from "../../../explorer/transition-system.ts";
import { Runtime } from "../../../impl/runtime/runtime.ts";
import { canonicalJson } from "../../../spec/common/canonical-json.ts";

/**
 * A whole-state witness: text that differs whenever two states differ in anything, computed
 * without `encode`, so that "equal encodings ⇒ equal witnesses" tests injectivity and "equal
 * witnesses ⇒ equal encodings" tests canonicity. What counts as the whole state depends on
 * what a state is (see `witnessKind`).
 */
export function wholeStateWitness<S>(system: TransitionSystem<S, unknown>, state: S): string {
  const described = system.describeState?.(state) ?? "";
  const runtime = runtimeOf(system);
  if (runtime !== undefined && state instanceof Uint32Array) return `${canonicalJson(runtimeDecoding(runtime, state))}\n${described}`;
  if (ArrayBuffer.isView(state)) return `${state.constructor.name}${JSON.stringify(Array.from(state as unknown as ArrayLike<number>))}\n${described}`;
  if (isJsonData(state)) return canonicalJson(state);
  return canonicalJson([described, system.describeParticipants?.(state) ?? {}]);
}

/** Which witness `wholeStateWitness` takes for this state (for test messages). */
export function witnessKind<S>(system: TransitionSystem<S, unknown>, state: S): string {
  if (runtimeOf(system) !== undefined && state instanceof Uint32Array) return "the runtime's decoding of the state and describeState";
  if (ArrayBuffer.isView(state)) return "the typed array's contents and describeState";
  if (isJsonData(state)) return "the canonical JSON of the state object";
  return "describeState and describeParticipants";
}

type AnyRuntime = Runtime<unknown, { type: string }>;

/** Whether the system was built by `runtimeSystem`: its states are ids into its own tables. */
export function isRuntimeSystem(system: object): boolean {
  return runtimeOf(system) !== undefined;
}

/** The runtime behind a system built by `runtimeSystem`, whose states are ids into its tables. */
function runtimeOf(system: object): AnyRuntime | undefined {
  const runtime = (system as { runtime?: unknown }).runtime;
  return runtime instanceof Runtime ? (runtime as AnyRuntime) : undefined;
}

/**
 * A runtime state with every interned id replaced by what it stands for: each actor's whole
 * persisted snapshot, crash flag and set timers by name, and the in-flight multiset as
 * (from, to, message, copies, and the age under partial synchrony), sorted by its text, the ghost
 * history when the protocol keeps one, and the network's and faults' counters where declared. No
 * id survives, so the decoding does not depend on the order in which the runtime met snapshots
 * and messages, and two runtimes of one model decode one state alike.
 */
function runtimeDecoding(runtime: AnyRuntime, state: Uint32Array): unknown {
  const { layout } = runtime;
  const actors = runtime.actors.map((actor, index) => {
    const { snapshot } = runtime.snapshots.values[state[layout.snapshotAt(index)]];
    const mask = state[layout.timersAt(index)];
    const names = runtime.timerNames.get(actor.role) ?? [];
    // A bit no timer name stands for is kept as a number: it would make two states differ.
    const timers = Array.from({ length: 32 }, (_, bit) => bit)
      .filter((bit) => (mask & (1 << bit)) !== 0)
      .map((bit) => names[bit] ?? bit);
    return { name: actor.name, crashed: layout.isCrashed(state, index), snapshot: snapshot.machine.getPersistedSnapshot(snapshot), timers };
  });
  const { envelopes, copies, ages } = layout.network(state);
  const inFlight = envelopes
    .map((envelope, i) => {
      const { from, to, message } = runtime.envelopes.values[envelope];
      const entry = [runtime.actors[from].name, runtime.actors[to].name, runtime.messages.values[message].message, copies[i]];
      // Under partial synchrony an entry's age is part of it (two ages, two entries).
      return canonicalJson(ages === undefined ? entry : [...entry, ages[i]]);
    })
    .sort();
  // The ghost history (a protocol's `history`) is part of the state: two pasts, two states.
  const history = runtime.protocol.history === undefined ? undefined : runtime.histories.values[state[layout.historyAt]];
  // So are the network's and the faults' counters, where declared: GST, the partition in force
  // (by its sides), the crash and duplicate steps taken.
  const partition = runtime.partitions === undefined ? undefined : state[layout.partitionAt];
  const counters = {
    ...(layout.timed ? { gst: state[layout.gstAt] } : {}),
    ...(partition === undefined ? {} : { partition: partition === 0 ? null : runtime.partitions!.declared[partition - 1] }),
    ...(runtime.faults.recover === true ? { crashes: state[layout.crashCountAt] } : {}),
    ...(runtime.duplicateBudget > 0 ? { duplicates: state[layout.duplicateCountAt] } : {}),
  };
  return { actors, inFlight, history: history === undefined ? null : history, ...counters, words: state.length };
}

/**
 * JSON data as `JSON.stringify` sees it: plain objects and arrays of strings, finite numbers,
 * booleans and null (an undefined property counts as absent). Maps, class instances, typed
 * arrays or functions are not: their canonical JSON would drop what they hold.
 */
function isJsonData(value: unknown, seen = new Set<object>()): boolean {
  if (value === null || typeof value === "string" || typeof value === "boolean") return true;
  if (typeof value === "number") return Number.isFinite(value);
  if (typeof value !== "object") return false;
  if (seen.has(value)) return false;
  seen.add(value);
  const prototype = Object.getPrototypeOf(value);
  const ok = Array.isArray(value)
    ? value.every((element) => isJsonData(element, seen))
    : (prototype === Object.prototype || prototype === null) && Object.values(value).every((field) => field === undefined || isJsonData(field, seen));
  seen.delete(value);
  return ok;
}
