import { isDeepStrictEqual } from "node:util";
import { expect } from "vitest";
import type { TransitionSystem } from "../../../explorer/transition-system.ts";
import type { ModelDefinition } from "../../../models/model.ts";
import { describeStep, scheduleStep, type ScheduleStep } from "../../../spec/common/schedule.ts";
import type { Walk } from "./random-walks.ts";
import { wholeStateWitness, witnessKind } from "./state-witness.ts";

/**
 * The contract of explorer/transition-system.ts as one set of assertions that every model must
 * meet (fast-check's ArbitraryAssertions: one shared suite applied to every arbitrary). Each
 * assertion collects every breach it sees and then expects the list to be empty, so a failure
 * names all the states and actions that break the contract, not just the first.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnySystem = TransitionSystem<any, any>;

const stepsOf = (system: AnySystem, state: unknown): ScheduleStep[] => system.actions(state).map((action) => system.toStep(action));
const hex = (bytes: Uint8Array): string => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("hex");
/** `encode` may hand out a view of the state itself (the runtime does): keep a copy. */
const encoded = (system: AnySystem, state: unknown): Uint8Array => system.encode(state).slice();
const sameBytes = (a: Uint8Array, b: Uint8Array): boolean => Buffer.compare(a, b) === 0;
const at = (walk: number, step: number): string => `walk ${walk}, state ${step}`;
/** Expects no breach; a failure lists the first 25 and how many more. */
function expectNoBreaches(breaches: readonly string[], message?: string): void {
  const listed = breaches.length > 25 ? [...breaches.slice(0, 25), `… and ${breaches.length - 25} more`] : breaches;
  expect(listed, message).toEqual([]);
}
const shown = (text: string): string => (text.length > 160 ? `${text.slice(0, 159)}…` : text);
/** Two witnesses from just before the first character where they differ. */
function difference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  const from = Math.max(0, i - 40);
  return `\n  …${shown(a.slice(from))}\n  …${shown(b.slice(from))}`;
}
/** Scratch for `encodeInto`: `encodedLength` bytes, or the 4096 the explorer's StateEncoder assumes without it. */
const scratchFor = (system: AnySystem): Uint8Array => new Uint8Array(system.encodedLength ?? 4096);

/**
 * 1. `actions(state)` is deterministic: twice on one state, on the state rebuilt in the same
 * system by its action indices (as counterexamples are rebuilt), and on the state rebuilt in a
 * fresh build of the model by its Schedule steps (as `replay`, or a run resumed in a new
 * process, rebuilds it), the same actions in the same order. The fresh build replays the walks
 * in reverse order, so that whatever it caches or interns, it meets in another order.
 */
export function assertActionsDeterministic(model: ModelDefinition<unknown>, system: AnySystem, walks: readonly Walk<unknown>[]): void {
  const breaches: string[] = [];
  const expected = walks.map((walk) => walk.states.map((state) => stepsOf(system, state)));
  walks.forEach((walk, w) => {
    let rebuilt = system.initial()[walk.initialIndex];
    walk.states.forEach((state, i) => {
      if (!isDeepStrictEqual(stepsOf(system, state), expected[w][i])) breaches.push(`${at(w, i)}: actions differ when asked twice`);
      if (!sameBytes(encoded(system, rebuilt), encoded(system, state))) breaches.push(`${at(w, i)}: rebuilt by action indices, it encodes differently`);
      if (!isDeepStrictEqual(stepsOf(system, rebuilt), expected[w][i])) breaches.push(`${at(w, i)}: rebuilt by action indices, its actions differ`);
      const next = i < walk.indices.length ? system.actions(rebuilt)[walk.indices[i]] : undefined;
      if (next !== undefined) rebuilt = system.step(rebuilt, next);
    });
  });
  const fresh = model.build(model.config);
  for (let w = walks.length - 1; w >= 0; w--) {
    const walk = walks[w];
    let state = fresh.initial()[walk.initialIndex];
    for (let i = 0; i < walk.states.length; i++) {
      if (wholeStateWitness(fresh, state) !== wholeStateWitness(system, walk.states[i])) breaches.push(`${at(w, i)}: rebuilt in a fresh build, another state`);
      const steps = stepsOf(fresh, state);
      if (!isDeepStrictEqual(steps, expected[w][i])) {
        breaches.push(`${at(w, i)}: in a fresh build the actions are [${steps.map(describeStep).join("; ")}], not [${expected[w][i].map(describeStep).join("; ")}]`);
      }
      if (i === walk.indices.length) break;
      const action = fresh.fromStep(state, expected[w][i][walk.indices[i]]);
      if (action === undefined) {
        breaches.push(`${at(w, i)}: a fresh build has no action ${describeStep(expected[w][i][walk.indices[i]])}`);
        break;
      }
      state = fresh.step(state, action);
    }
  }
  expectNoBreaches(breaches);
}

/**
 * 1b. A fresh build of the model, given the first build's system context (its interning tables,
 * as a checkpoint carries them: TransitionSystem.systemContext) and led along the same paths by
 * their Schedule steps, encodes every state to the same bytes. What a checkpoint needs: it holds
 * the visited set's encodings, and `check --resume` reads them in a new process.
 */
export function assertEncodingStableAcrossBuilds(model: ModelDefinition<unknown>, system: AnySystem, walks: readonly Walk<unknown>[]): void {
  const breaches: string[] = [];
  const fresh = model.build(model.config);
  if (system.systemContext) fresh.systemContext!.restore(system.systemContext.save());
  for (let w = walks.length - 1; w >= 0; w--) {
    const walk = walks[w];
    let state = fresh.initial()[walk.initialIndex];
    for (let i = 0; i < walk.states.length; i++) {
      if (!sameBytes(encoded(fresh, state), encoded(system, walk.states[i]))) breaches.push(`${at(w, i)}: a fresh build encodes it as other bytes`);
      if (i === walk.indices.length) break;
      const action = fresh.fromStep(state, system.toStep(system.actions(walk.states[i])[walk.indices[i]]));
      if (action === undefined) {
        breaches.push(`${at(w, i)}: a fresh build cannot take the walk's next step`);
        break;
      }
      state = fresh.step(state, action);
    }
  }
  expectNoBreaches(breaches);
}

/**
 * 2. `step` is pure: stepping every enabled action (and keying it with `encodeSuccessor`, and
 * asking `actions` and the encoders) leaves the state's encoding and, deeply, the state itself
 * as they were. The walks are taken again from their initial states rather than read from
 * `walk.states`: were `step` to change its input, those would all be one object, stepped to
 * the walk's end, and nothing would be left to compare.
 */
export function assertStepPure(system: AnySystem, walks: readonly Walk<unknown>[]): void {
  const breaches: string[] = [];
  const scratch = scratchFor(system);
  walks.forEach((walk, w) => {
    let state = system.initial()[walk.initialIndex];
    for (let i = 0; i <= walk.indices.length; i++) {
      const bytes = encoded(system, state);
      const snapshot = ArrayBuffer.isView(state) ? (state as unknown as Uint8Array).slice() : structuredClone(state);
      const unchanged = (): boolean => sameBytes(system.encode(state), bytes) && isDeepStrictEqual(state, snapshot);
      if (system.encodeInto) system.encodeInto(state, scratch);
      const actions = system.actions(state);
      if (!unchanged()) breaches.push(`${at(w, i)}: actions() or an encoder changed it`);
      for (const action of actions) {
        system.step(state, action);
        if (system.encodeSuccessor) system.encodeSuccessor(state, action, scratch);
        if (!unchanged()) {
          breaches.push(`${at(w, i)}: step(${describeStep(system.toStep(action))}) changed it`);
          return;
        }
      }
      if (i < walk.indices.length) state = system.step(state, actions[walk.indices[i]]);
    }
  });
  expectNoBreaches(breaches);
}

/**
 * 3a. `encode` is injective and canonical on sampled reachable states (the walks' states and
 * all their successors): equal encodings only for equal whole states (state-witness.ts), and
 * equal whole states only with equal encodings. At least one pair of distinct state objects
 * must share an encoding, or the check compared nothing.
 */
export function assertEncodingInjective(system: AnySystem, states: readonly unknown[]): void {
  const breaches: string[] = [];
  const byBytes = new Map<string, { witness: string; state: unknown }>();
  const byWitness = new Map<string, string>();
  let compared = 0;
  const visit = (state: unknown): void => {
    const key = hex(system.encode(state));
    const witness = wholeStateWitness(system, state);
    const seen = byBytes.get(key);
    if (seen === undefined) byBytes.set(key, { witness, state });
    else if (seen.state !== state) {
      compared++;
      if (seen.witness !== witness) breaches.push(`one encoding, two states:${difference(seen.witness, witness)}`);
    }
    const seenKey = byWitness.get(witness);
    if (seenKey === undefined) byWitness.set(witness, key);
    else if (seenKey !== key) breaches.push(`one state, two encodings: ${shown(witness)}`);
  };
  for (const state of states) {
    visit(state);
    for (const action of system.actions(state)) visit(system.step(state, action));
  }
  expectNoBreaches(breaches, `witness: ${witnessKind(system, states[0])}`);
  expect(compared, "distinct state objects sharing an encoding (the check compared something)").toBeGreaterThan(0);
}

/**
 * 3b. The optional encoders agree with `encode`: `encodeInto` writes its bytes (within
 * `encodedLength`), `decode` reads them back from any offset, even an odd one inside other
 * bytes (as from the visited set's key arena), into a state that re-encodes alike, is the same
 * whole state and has the same actions; `encodeSuccessor` writes the bytes of `step`'s successor.
 */
export function assertEncodersAgree(system: AnySystem, states: readonly unknown[]): void {
  const breaches: string[] = [];
  const limit = system.encodedLength;
  const target = scratchFor(system);
  const JUNK = 0xa5;
  states.forEach((state, s) => {
    const bytes = encoded(system, state);
    if (limit !== undefined && bytes.length > limit) breaches.push(`state ${s}: ${bytes.length} bytes, more than encodedLength ${limit}`);
    if (system.encodeInto) {
      target.fill(JUNK, 0, Math.min(target.length, bytes.length + 8));
      const length = system.encodeInto(state, target);
      if (length !== bytes.length || !sameBytes(target.subarray(0, length), bytes)) breaches.push(`state ${s}: encodeInto wrote other bytes than encode`);
    }
    if (system.decode) {
      const arena = new Uint8Array(bytes.length + 11).fill(JUNK);
      arena.set(bytes, 3);
      const decoded = system.decode(arena, 3);
      if (!sameBytes(encoded(system, decoded), bytes)) breaches.push(`state ${s}: decode(encode(state)) encodes differently`);
      else if (wholeStateWitness(system, decoded) !== wholeStateWitness(system, state)) breaches.push(`state ${s}: decode(encode(state)) is another whole state`);
      else if (!isDeepStrictEqual(stepsOf(system, decoded), stepsOf(system, state))) breaches.push(`state ${s}: decode(encode(state)) has other actions`);
    }
    if (system.encodeSuccessor) {
      for (const action of system.actions(state)) {
        target.fill(JUNK, 0, Math.min(target.length, bytes.length + 8));
        const length = system.encodeSuccessor(state, action, target);
        if (!sameBytes(target.subarray(0, length), encoded(system, system.step(state, action)))) {
          breaches.push(`state ${s}: encodeSuccessor(${describeStep(system.toStep(action))}) wrote other bytes than encode(step)`);
        }
      }
    }
  });
  expectNoBreaches(breaches);
}

/**
 * 4. `toStep` and `fromStep` round-trip: every enabled action's step is a valid Schedule step
 * that survives JSON (a replay file), names exactly one enabled action, and `fromStep` finds an
 * action with the same step and a successor encoded like `step`'s.
 */
export function assertStepsRoundTrip(system: AnySystem, states: readonly unknown[]): void {
  const breaches: string[] = [];
  states.forEach((state, s) => {
    const actions = system.actions(state);
    const texts = actions.map((action) => JSON.stringify(system.toStep(action)));
    actions.forEach((action, a) => {
      const step = system.toStep(action);
      const named = `state ${s}: ${describeStep(step)}`;
      const parsed = scheduleStep.safeParse(step);
      if (!parsed.success) breaches.push(`${named}: not a valid Schedule step (${parsed.error.issues[0]?.message})`);
      if (texts.indexOf(texts[a]) !== a) breaches.push(`${named}: two enabled actions have this step`);
      const found = system.fromStep(state, JSON.parse(texts[a]) as ScheduleStep);
      if (found === undefined) breaches.push(`${named}: fromStep finds no action`);
      else if (!isDeepStrictEqual(system.toStep(found), step)) breaches.push(`${named}: fromStep finds ${describeStep(system.toStep(found))}`);
      else if (!sameBytes(encoded(system, system.step(state, found)), encoded(system, system.step(state, action)))) breaches.push(`${named}: fromStep's action leads elsewhere`);
    });
  });
  expectNoBreaches(breaches);
}
