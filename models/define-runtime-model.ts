import type { z } from "zod";
import { runtimeCoverage, runtimeSystem, type ProtocolDefinition, type RuntimeInvariant } from "../impl/runtime/index.ts";
import type { Expectation, ModelDefinition, ModelSimulation } from "./model.ts";

export interface RuntimeModelSpec<Config = unknown> {
  name: string;
  description: string;
  assumptions: string;
  /** The configuration as written; the schema fills defaults and checks it once, here. */
  config: unknown;
  expected: Expectation;
  /** "full" where an exhaustive run takes minutes: out of the default `check --all` (models/profile.ts). */
  profile?: "full";
  /** A seeded simulation that `check` runs instead of BFS, where exhaustive is beyond reach (ModelDefinition.simulation). */
  simulation?: ModelSimulation;
  /**
   * The model's own invariants, checked after the protocol's (e.g. an auxiliary invariant that
   * only the models expected to pass check, so that a violation model still reports the
   * property it pins).
   */
  extraInvariants?: readonly RuntimeInvariant[];
  /** What this model must reach besides the protocol's own `sometimes`. */
  extraSometimes?: readonly RuntimeInvariant[];
  /** Warnings about the configuration itself (e.g. n < 3f+1 on purpose), shown in every report. */
  warnings?(config: Config): string[];
}

/**
 * Any protocol declared for the actor runtime (impl/runtime) becomes a model the same way: the
 * runtime builds its TransitionSystem and derives what a check covers from the declaration.
 * A model's extra invariants and `sometimes` belong to the model, not to its config: a
 * Schedule's config rebuilds the model it names with them (replay looks the model up by name).
 */
export function defineRuntimeModel<Config, Message extends { type: string }>(
  protocol: ProtocolDefinition<Config, Message>,
  configSchema: z.ZodType<Config>,
  spec: RuntimeModelSpec<Config>,
): ModelDefinition<Config> {
  const { extraInvariants = [], extraSometimes = [] } = spec;
  const declared: ProtocolDefinition<Config, Message> =
    extraInvariants.length === 0 && extraSometimes.length === 0
      ? protocol
      : {
          ...protocol,
          invariants: (config) => [...protocol.invariants(config), ...extraInvariants],
          sometimes: (config) => [...(protocol.sometimes?.(config) ?? []), ...extraSometimes],
        };
  return {
    name: spec.name,
    description: spec.description,
    assumptions: spec.assumptions,
    configSchema,
    config: configSchema.parse(spec.config),
    build: (config) => runtimeSystem(declared, config),
    covers: (config) => runtimeCoverage(declared, config),
    ...(spec.warnings === undefined ? {} : { warnings: spec.warnings }),
    expected: spec.expected,
    ...(spec.profile === undefined ? {} : { profile: spec.profile }),
    ...(spec.simulation === undefined ? {} : { simulation: spec.simulation }),
  };
}
