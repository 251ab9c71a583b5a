import { InputError } from "../spec/common/input-error.ts";
import { benchModels } from "./bench/index.ts";
import type { ModelDefinition } from "./model.ts";
import { paxosModels } from "./paxos/index.ts";
import { linksModels } from "./links/index.ts";
import { hybridModels } from "./hybrid/index.ts";
import { pbftModels } from "./pbft/index.ts";
import { seedHybridModels } from "./hybrid/seed-models.ts";
import { viewChangeModels } from "./view-change/index.ts";

/**
 * Every bundled model, in the order `list` and `check --all` show them. Each one pins its
 * expected result (verdict, distinct states, depth) in its definition: the manifest.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const models: readonly ModelDefinition<any>[] = [
  ...pbftModels,
  ...viewChangeModels,
  ...paxosModels,
  ...hybridModels,
  ...seedHybridModels,
  ...linksModels,
  ...benchModels,
];

/**
 * The model of that name among the bundled ones and `extra` (a user's, loaded by the CLI's
 * --models): passed in rather than registered, so that no lookup sees models a run did not load.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function findModel(name: string, extra: readonly ModelDefinition<any>[] = []): ModelDefinition<any> {
  const all = [...models, ...extra];
  const model = all.find((candidate) => candidate.name === name);
  if (model) return model;
  const known = all.map((candidate) => candidate.name).join(", ");
  throw new InputError(`unknown model "${name}"; known models: ${known || "(none)"} (see \`consensus-check list\`)`);
}
