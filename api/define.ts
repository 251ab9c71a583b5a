import { z } from "zod";
import type { ProtocolDefinition, RuntimeInvariant } from "../impl/runtime/index.ts";
import { defineRuntimeModel } from "../models/define-runtime-model.ts";
import type { Expectation, ModelDefinition, ModelSimulation } from "../models/model.ts";
import { InputError } from "../spec/common/input-error.ts";

/**
 * A protocol for the actor runtime, declared once: its roles' XState machines, its messages,
 * the network, fault and time model it runs under, and its properties over the runtime's
 * neutral view (impl/runtime/protocol.ts says what each field means). The function only checks
 * the declaration's shape and gives it its type; the runtime checks the rest when a model is
 * built (roles, actors, partitions, budgets), each problem one line naming the field.
 */
export function defineProtocol<Config, Message extends { type: string }>(protocol: ProtocolDefinition<Config, Message>): ProtocolDefinition<Config, Message> {
  const where = `protocol ${JSON.stringify(protocol?.name ?? "")}`;
  if (protocol === null || typeof protocol !== "object") throw new InputError("defineProtocol: pass the protocol's declaration, an object");
  if (typeof protocol.name !== "string" || protocol.name.length === 0) throw new InputError("defineProtocol: name must be a non-empty string");
  for (const field of ["actors", "network", "faults", "time", "invariants", "describeMessage"] as const) {
    if (typeof protocol[field] !== "function") throw new InputError(`${where}: ${field} must be a function of the config`);
  }
  if (protocol.roles === null || typeof protocol.roles !== "object" || Object.keys(protocol.roles).length === 0) throw new InputError(`${where}: roles must name at least one role's machine`);
  return protocol;
}

/** A model of a user's protocol: a named configuration and what checking it must find. */
export interface ModelSpec<Config> {
  /** "<protocol>/<configuration>", lower case, e.g. "two-phase/rm3": the name reports and replay files carry. */
  name: string;
  description: string;
  /** The timing and fault assumptions in words (shown in every report); derived coverage lines are added anyway. */
  assumptions?: string;
  protocol: ProtocolDefinition<Config, { type: string }>;
  /** The configuration as written; `configSchema` (when given) fills defaults and checks it. */
  config: unknown;
  /** Checks a config, here and in every Schedule replayed on the model. Absent: the config is taken as it is. */
  configSchema?: z.ZodType<Config>;
  /** The pinned result: verdict, distinct states, depth, transitions and what must be reachable. */
  expected: Expectation;
  /** Invariants and `sometimes` of this model besides the protocol's own. */
  extraInvariants?: readonly RuntimeInvariant[];
  extraSometimes?: readonly RuntimeInvariant[];
  /** "full": left out of `check --all` unless `--profile full` (runs of minutes). */
  profile?: "full";
  /** A seeded simulation to check instead of BFS, where exhaustive is beyond reach (TLC's -simulate). */
  simulation?: ModelSimulation;
}

const MODEL_NAME = /^[a-z][a-z0-9-]*\/[a-z0-9_]+$/;

/**
 * A checkable model of a protocol (the same kind the bundled models are): `check`, `explore`,
 * `simulate` and `replay` here and in the CLI (`--models`) take it.
 */
export function defineModel<Config>(spec: ModelSpec<Config>): ModelDefinition<Config> {
  if (typeof spec?.name !== "string" || !MODEL_NAME.test(spec.name)) {
    throw new InputError(`defineModel: name ${JSON.stringify(spec?.name)} must be "<protocol>/<configuration>" in lower case, e.g. "two-phase/rm3"`);
  }
  if (typeof spec.description !== "string" || spec.description.length === 0) throw new InputError(`model ${spec.name}: description must be a non-empty string`);
  if (spec.expected === undefined || (spec.expected.result !== "pass" && spec.expected.result !== "violation")) {
    throw new InputError(`model ${spec.name}: expected.result must be "pass" or "violation" (pin what checking it must find)`);
  }
  const protocol = defineProtocol(spec.protocol);
  const configSchema = spec.configSchema ?? (z.any() as unknown as z.ZodType<Config>);
  return defineRuntimeModel(protocol, configSchema, {
    name: spec.name,
    description: spec.description,
    assumptions: spec.assumptions ?? `${protocol.name} on the actor runtime, under the network, fault and time model its declaration gives (see what the check covers)`,
    config: spec.config,
    expected: spec.expected,
    ...(spec.extraInvariants === undefined ? {} : { extraInvariants: spec.extraInvariants }),
    ...(spec.extraSometimes === undefined ? {} : { extraSometimes: spec.extraSometimes }),
    ...(spec.profile === undefined ? {} : { profile: spec.profile }),
    ...(spec.simulation === undefined ? {} : { simulation: spec.simulation }),
  });
}
