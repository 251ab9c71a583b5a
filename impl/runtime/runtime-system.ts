import type { Invariant, TransitionSystem } from "../../explorer/transition-system.ts";
import type { ProtocolDefinition, RuntimeInvariant, StepFields } from "./protocol.ts";
import { applyAction, enabledActions, successorParts, type RuntimeAction } from "./runtime-actions.ts";
import { actionOfStep, stepOf } from "./runtime-steps.ts";
import { viewOf } from "./runtime-views.ts";
import type { RuntimeView } from "./runtime-view.ts";
import { Runtime, type RuntimeTables } from "./runtime.ts";
import { fastPathApplies, fastSuccessorWords, isFastAction } from "./fast-successor.ts";
import { FairnessClasses } from "./fairness.ts";
import { afterGst } from "./partial-synchrony.ts";

/** Scratch bytes for one encoded state: far more than any bounded model's in-flight set needs. */
const ENCODED_LENGTH = 1 << 20;

/**
 * A protocol and a configuration as the explorer's TransitionSystem. States are the runtime's
 * Uint32Arrays: `encode` is their bytes (canonical by construction, so injective), `decode` reads
 * them back from the visited set's key arena, so BFS keeps no state object between levels.
 */
export function runtimeSystem<Config, Message extends { type: string }>(
  protocol: ProtocolDefinition<Config, Message>,
  config: Config,
): TransitionSystem<Uint32Array, RuntimeAction> & { runtime: Runtime<Config, Message> } {
  const runtime = new Runtime(protocol, config);
  const { layout } = runtime;
  // Several invariants and `sometimes` read one state: its view is built once.
  let lastState: Uint32Array | undefined;
  let lastView: RuntimeView | undefined;
  const view = (state: Uint32Array): RuntimeView => {
    if (state !== lastState) {
      lastState = state;
      lastView = viewOf(runtime, state);
    }
    return lastView!;
  };
  const overStates = (properties: readonly RuntimeInvariant[]): Invariant<Uint32Array>[] =>
    properties.map((property) => {
      const { explain } = property;
      return {
        name: property.name,
        holds: (state: Uint32Array) => property.holds(view(state)),
        ...(explain === undefined ? {} : { explain: (state: Uint32Array) => explain(view(state)) }),
      };
    });
  const invariants = overStates(protocol.invariants(config));
  const sometimes = protocol.sometimes === undefined ? undefined : overStates(protocol.sometimes(config));
  const terminal = protocol.terminal?.(config);
  const liveness = protocol.liveness?.(config).map((property) => ({ name: property.name, kind: property.kind, holds: (state: Uint32Array) => property.holds(view(state)) }));
  const cutOff = protocol.livenessCutOff?.(config);
  const fairness = new FairnessClasses(runtime);
  const scratch = new Uint8Array(ENCODED_LENGTH);
  const words = new Uint32Array(ENCODED_LENGTH / 4);
  const fast = fastPathApplies(runtime);
  // The last successor keyed on the fast path, whose words `words` holds (see `step`).
  let keyedState: Uint32Array | undefined;
  let keyedAction: RuntimeAction | undefined;
  let keyedLength = 0;
  // Successors of a protocol with a ghost history need the built state (its `next` reads a view).
  const keysWithoutBuilding = protocol.history === undefined;
  return {
    runtime,
    initial: () => [runtime.initial()],
    actions: (state) => enabledActions(runtime, state),
    step(state, action) {
      if (!fast || !isFastAction(action)) return applyAction(runtime, state, action);
      // BFS keys a successor first (encodeSuccessor) and builds it only when it is new: its words are still in the scratch.
      if (state === keyedState && action === keyedAction) return layout.copyOf(words, keyedLength);
      keyedState = undefined;
      return layout.copyOf(words, fastSuccessorWords(runtime, state, action, words));
    },
    // The key is the state's words as varints (state-encoding.ts): canonical, so injective.
    encode: (state) => scratch.slice(0, layout.encodeStateInto(state, scratch)),
    encodeInto: (state, target) => layout.encodeStateInto(state, target),
    ...(keysWithoutBuilding
      ? {
          encodeSuccessor(state: Uint32Array, action: RuntimeAction, target: Uint8Array) {
            if (fast && isFastAction(action)) {
              keyedState = state;
              keyedAction = action;
              keyedLength = fastSuccessorWords(runtime, state, action, words);
              return layout.encodeWordsInto(words, keyedLength, target);
            }
            keyedState = undefined;
            const { head, inFlight } = successorParts(runtime, state, action);
            return layout.encodeInto(head, inFlight, target);
          },
        }
      : {}),
    encodedLength: ENCODED_LENGTH,
    decode: (source, offset) => layout.decode(source, offset),
    systemContext: {
      save: () => new TextEncoder().encode(JSON.stringify(runtime.exportTables())),
      restore: (bytes) => runtime.importTables(JSON.parse(new TextDecoder().decode(bytes)) as RuntimeTables),
    },
    invariants,
    ...(sometimes === undefined ? {} : { sometimes }),
    ...(terminal === undefined ? {} : { terminal: overStates([terminal])[0]! }),
    ...(liveness === undefined || liveness.length === 0 ? {} : { liveness }),
    ...(cutOff === undefined ? {} : { livenessCutOff: overStates([cutOff])[0]! }),
    fairness: (_state, action) => fairness.of(action),
    // Under partial synchrony a run must reach GST; before it, nothing is owed.
    settled: (state) => runtime.delta === undefined || afterGst(layout, state),
    ...(runtime.delta === undefined ? { asynchronous: true } : {}),
    toStep: (action) => stepOf(runtime, action),
    // A protocol step whose kind declares a label is drawn with it: "R0: PRE-PREPARE(A) → R1".
    describeStep(step) {
      const record = step as Record<string, unknown>;
      if (typeof record.step !== "string" || typeof record.actor !== "string") return undefined;
      const kind = protocol.steps?.[record.step];
      if (kind?.label === undefined) return undefined;
      const { step: _kind, actor, ...fields } = record;
      return `${actor}: ${kind.label(fields as StepFields)}`;
    },
    fromStep: (state, step) => actionOfStep(runtime, state, step),
    describeState(state) {
      const current = view(state);
      return current.actors.map((actor) => `${actor.name}: ${actor.crashed ? "crashed" : summary(protocol, actor)}`).join(", ");
    },
    describeParticipants(state) {
      const current = view(state);
      return Object.fromEntries(current.actors.map((actor) => [actor.name, actor.crashed ? "crashed" : summary(protocol, actor)]));
    },
  };
}

function summary<C, M extends { type: string }>(protocol: ProtocolDefinition<C, M>, actor: RuntimeView["actors"][number]): string {
  if (protocol.summarise) return protocol.summarise(actor);
  return typeof actor.value === "string" ? actor.value : JSON.stringify(actor.value);
}
