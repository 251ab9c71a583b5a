import { check } from "../../../api/index.ts";
import { replay } from "../../../explorer/replay.ts";
import type { RuntimeInvariant, RuntimeView } from "../../../impl/runtime/index.ts";
import { defineRuntimeModel } from "../../../models/define-runtime-model.ts";
import { findModel } from "../../../models/registry.ts";
import type { ModelDefinition } from "../../../models/model.ts";
import { hybridConfigSchema, hybridProtocol, type HybridConfig } from "../../../models/hybrid/hybrid-protocol.ts";

/**
 * The view of a hybrid model's counterexample's last state: the model's pinned check finds the
 * counterexample, which is replayed on the same protocol with one more invariant that only keeps
 * the view of each state it is asked about (the replay asks it of every state, in order).
 */
export async function counterexampleView(name: string): Promise<{ view: RuntimeView; failing: string[]; steps: number }> {
  const model = findModel(name) as ModelDefinition<HybridConfig>;
  const outcome = await check(model);
  const schedule = outcome.result.counterexample;
  if (schedule === undefined) throw new Error(`${name}: no counterexample`);
  let last: RuntimeView | undefined;
  const capture: RuntimeInvariant = {
    name: "capture",
    holds: (view) => {
      last = view;
      return true;
    },
  };
  const capturing = defineRuntimeModel(hybridProtocol, hybridConfigSchema, { name, description: "", assumptions: "", config: model.config, expected: model.expected, extraInvariants: [capture] });
  const trace = replay(capturing.build(capturing.config), schedule);
  const end = trace.steps.at(-1)!;
  return { view: last!, failing: end.failing, steps: trace.steps.length };
}
