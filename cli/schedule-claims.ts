import { parseInput } from "../spec/common/input-error.ts";
import { jsonDifferences } from "../spec/common/json-differences.ts";
import type { ModelDefinition } from "../models/index.ts";

/**
 * A schedule (or a saved Result) names a model and carries a config. The name alone proves
 * nothing: a schedule of `pbft/n4_f1` whose config says n = 3 is a run of another system.
 * Each field where the config differs from the model's registered one is reported, and the
 * model's warnings (n < 3f+1, …) follow the config actually replayed, not the registered one.
 */
export interface ConfigDifference {
  /** Field path, e.g. "n" or "network.drop". */
  field: string;
  schedule: unknown;
  registered: unknown;
}

export interface ConfigClaims<C> {
  /** The schedule's config as the model's schema reads it (defaults filled in). */
  config: C;
  differences: ConfigDifference[];
  /** The model's warnings for `config`. */
  warnings: string[];
}

export function configClaims<C>(model: ModelDefinition<C>, scheduleConfig: unknown, what: string): ConfigClaims<C> {
  const config = parseInput(model.configSchema, scheduleConfig, what);
  const registered = parseInput(model.configSchema, model.config, `registered config of ${model.name}`);
  const differences = jsonDifferences(config, registered).map(({ path, left, right }) => ({ field: path || "(the whole config)", schedule: left, registered: right }));
  return { config, differences, warnings: model.warnings?.(config) ?? [] };
}

/** "config n is 3 here, 4 in the registered pbft/n4_f1" — one warning line per field. */
export function describeDifference(model: string, difference: ConfigDifference): string {
  return `config ${difference.field} is ${shown(difference.schedule)} here, ${shown(difference.registered)} in the registered ${model}: this is a run of a modified model`;
}

function shown(value: unknown): string {
  if (value === undefined) return "absent";
  const text = JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}
