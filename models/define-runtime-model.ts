import type { z } from "zod";
import { runtimeCoverage, runtimeSystem, type ProtocolDefinition } from "../impl/runtime/index.ts";
import type { Expectation, ModelDefinition } from "./model.ts";

export interface RuntimeModelSpec {
  name: string;
  description: string;
  assumptions: string;
  /** The configuration as written; the schema fills defaults and checks it once, here. */
  config: unknown;
  expected: Expectation;
}

/**
 * Any protocol declared for the actor runtime (impl/runtime) becomes a model the same way: the
 * runtime builds its TransitionSystem and derives what a check covers from the declaration.
 */
export function defineRuntimeModel<Config, Message extends { type: string }>(
  protocol: ProtocolDefinition<Config, Message>,
  configSchema: z.ZodType<Config>,
  spec: RuntimeModelSpec,
): ModelDefinition<Config> {
  return {
    name: spec.name,
    description: spec.description,
    assumptions: spec.assumptions,
    configSchema,
    config: configSchema.parse(spec.config),
    build: (config) => runtimeSystem(protocol, config),
    covers: (config) => runtimeCoverage(protocol, config),
    expected: spec.expected,
  };
}
