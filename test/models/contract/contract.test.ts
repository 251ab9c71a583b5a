import { beforeAll, describe, expect, it } from "vitest";
import type { ModelDefinition } from "../../../models/model.ts";
import { models } from "../../../models/registry.ts";
import { brokenObsoleteClaim } from "../../../impl/runtime/obsolete-messages.ts";
import type { Runtime } from "../../../impl/runtime/runtime.ts";
import { applyAction, type RuntimeAction } from "../../../impl/runtime/runtime-actions.ts";
import {
  assertActionsDeterministic,
  assertEncodersAgree,
  assertEncodingInjective,
  assertEncodingStableAcrossBuilds,
  assertStepPure,
  assertStepsRoundTrip,
  type AnySystem,
} from "./model-contract.ts";
import { assertRandomWalksReproduce } from "./model-searches.ts";
import { randomWalks, statesOf, type Walk } from "./random-walks.ts";

/**
 * The TransitionSystem contract (explorer/transition-system.ts), checked on every model of
 * the registry: a model added there is covered here without a line of this file changing.
 * States are sampled by seeded random walks; the seed is in every test name.
 */
// CONTRACT_SEED=n runs the suite on other walks (a failing seed is in the test name, to rerun).
const SEED = Number(process.env.CONTRACT_SEED ?? 20_240_917);
const WALKS = 12;
const MAX_STEPS = 64;
const sampled = `${WALKS} random walks of ≤ ${MAX_STEPS} steps, seed ${SEED}`;
const named = models.map((model) => [model.name, model as ModelDefinition<unknown>] as const);

describe.each(named)("%s meets the TransitionSystem contract", (_name, model) => {
  let system: AnySystem;
  let walks: Walk<unknown>[];
  let states: unknown[];
  beforeAll(() => {
    system = model.build(model.config);
    walks = randomWalks(system, SEED, WALKS, MAX_STEPS);
    states = statesOf(walks);
  });

  it(`actions(state) is deterministic: asked twice, rebuilt by action indices, rebuilt in a fresh build (${sampled})`, () => {
    assertActionsDeterministic(model, system, walks);
  });

  // The runtime's state words are ids it interns in the order it meets values: a fresh build
  // reads them as the same states once it has the first build's tables (its systemContext).
  it(`a fresh build given the system context encodes every state of the walks to the same bytes, as a checkpoint resumed in a new process needs (${sampled})`, () => {
    assertEncodingStableAcrossBuilds(model, system, walks);
  });

  it(`step, actions and the encoders never change their input state (${sampled})`, () => {
    assertStepPure(system, walks);
  });

  it(`equal encodings iff equal whole states, over the sampled states and their successors (${sampled})`, () => {
    assertEncodingInjective(system, states);
  });

  it(`encodeInto, decode and encodeSuccessor agree with encode where the model has them (${sampled})`, () => {
    assertEncodersAgree(system, states);
  });

  it(`toStep and fromStep round-trip every enabled action through JSON (${sampled})`, () => {
    assertStepsRoundTrip(system, states);
  });

  // A machine's isObsolete guard lets the runtime discard messages unseen: it must be true only
  // of deliveries that would change nothing (impl/runtime/protocol.ts).
  it(`a delivery a machine's isObsolete calls obsolete changes nothing, in every sampled state (${sampled})`, () => {
    const runtime = (system as { runtime?: Runtime<unknown, { type: string }> }).runtime;
    if (runtime === undefined) return;
    for (const state of states) expect(brokenObsoleteClaim(runtime, state as Uint32Array)).toBeUndefined();
  });

  // The runtime's hot path (fast-successor.ts) must build exactly what its general path
  // (runtime-actions.ts applyAction) builds, for every action it takes.
  it(`the runtime's fast successors equal its general ones, for every enabled action of the sampled states (${sampled})`, () => {
    const runtime = (system as { runtime?: Runtime<unknown, { type: string }> }).runtime;
    if (runtime === undefined) return;
    for (const state of states as Uint32Array[]) {
      for (const action of system.actions(state) as RuntimeAction[]) expect([...(system.step(state, action) as Uint32Array)]).toEqual([...applyAction(runtime, state, action)]);
    }
  });

  it(`3 seeded random walks (seed ${SEED}) give the same Result on a fresh build and on one that explored before, and a counterexample replays to its property`, async () => {
    await assertRandomWalksReproduce(model, SEED);
  });
});
