import { existsSync, statSync } from "node:fs";
import { dirname, extname, relative, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { Command } from "commander";
import { z } from "zod";
import { InputError, parseInput } from "../spec/common/input-error.ts";
import { readJsonInput } from "./json-input.ts";
import { isModelDefinition, models as bundledModels, type ModelDefinition } from "../models/index.ts";

/**
 * A user's own models in the CLI (TLC's and Stateright's users check their specs, not ours):
 * `--models FILE` (repeatable) and a consensus-check.config.{json,mjs,ts} in the working
 * directory name modules whose exported ModelDefinitions join the bundled ones in every lookup.
 * They are passed along as a list, never added to the registry, so that a run sees exactly the
 * models its flags name. Every problem is one line naming the file (exit 2).
 */

export interface UserModelFlags {
  /** `--models`, each as given. */
  models?: string[];
  /** False with --no-config. */
  config: boolean;
}

/** A user's model and the module it came from (`list` shows it). */
export interface UserModel {
  model: ModelDefinition;
  file: string;
}

export const CONFIG_FILES = ["consensus-check.config.json", "consensus-check.config.mjs", "consensus-check.config.ts"] as const;

const PLAIN = new Set([".js", ".mjs", ".cjs"]);
const TYPESCRIPT = new Set([".ts", ".mts", ".cts"]);

export const USER_MODELS_BAD_INPUT = "a --models file or config file that is missing or throws on import, a user model named like another";

/** --models and --no-config, for every command that looks models up. */
export function addUserModelFlags(command: Command): Command {
  return command
    .option(
      "--models <file>",
      "also load the models a module of yours exports (.js, .mjs, .ts or .mts; every export that is a defineModel result, or an array of them); repeatable",
      (value: string, previous: string[] | undefined) => [...(previous ?? []), value],
    )
    .option("--no-config", `do not read ${CONFIG_FILES.join(", ")} in the working directory (its \`models\` files are loaded as --models)`);
}

const configSchema = z.object({ models: z.array(z.string().min(1, "expected a module path")).describe("Module files, relative to the config file.") }).strict();

/** The user's models, in the order their files are given: the config's first, then --models. */
export async function loadUserModels(flags: UserModelFlags): Promise<UserModel[]> {
  const sources: { file: string; where: string }[] = [];
  if (flags.config) sources.push(...(await configModels(process.cwd())));
  for (const file of flags.models ?? []) sources.push({ file: resolve(file), where: `--models ${file}` });
  const loaded: UserModel[] = [];
  const seen = new Set<ModelDefinition>();
  for (const { file, where } of sources) {
    const exported = modelsIn(await importModule(file, where));
    if (exported.length === 0) throw new InputError(`${where}: exports no model; export defineModel's results (from consensus-check), or arrays of them`);
    // The same object twice (a file given twice, a module re-exporting another's) is one model.
    for (const model of exported.filter((candidate) => !seen.has(candidate))) {
      seen.add(model);
      if (bundledModels.some((bundled) => bundled.name === model.name)) {
        throw new InputError(`${where}: model "${model.name}" has the name of a bundled model; give yours another name`);
      }
      const other = loaded.find((entry) => entry.model.name === model.name);
      if (other !== undefined) throw new InputError(`${where}: model "${model.name}" is also exported by ${shown(other.file)}; give each model its own name`);
      loaded.push({ model, file });
    }
  }
  return loaded;
}

/** Just the definitions, for the registry's lookups. */
export function definitionsOf(user: readonly UserModel[]): ModelDefinition[] {
  return user.map((entry) => entry.model);
}

async function configModels(folder: string): Promise<{ file: string; where: string }[]> {
  const present = CONFIG_FILES.map((name) => resolve(folder, name)).filter((path) => existsSync(path));
  if (present.length === 0) return [];
  const config = present[0]!;
  if (present.length > 1) throw new InputError(`${shown(config)}: ${present.slice(1).map(shown).join(" and ")} also exist; keep one config file (or pass --no-config)`);
  const name = shown(config);
  const value = config.endsWith(".json") ? readJsonInput(config) : (await importModule(config, name)).default;
  const parsed = parseInput(configSchema, value, `${name}${config.endsWith(".json") ? "" : " (its default export)"}`);
  return parsed.models.map((file, index) => ({ file: resolve(dirname(config), file), where: `${name}: models[${index}] ${file}` }));
}

async function importModule(file: string, where: string): Promise<Record<string, unknown>> {
  const extension = extname(file);
  if (!PLAIN.has(extension) && !TYPESCRIPT.has(extension)) throw new InputError(`${where}: expected a .js, .mjs, .ts or .mts module, got "${extension || "no extension"}"`);
  if (!existsSync(file) || !statSync(file).isFile()) throw new InputError(`${where}: no such file; give the path of a module that exports your models`);
  const url = pathToFileURL(file).href;
  try {
    if (PLAIN.has(extension)) return (await import(url)) as Record<string, unknown>;
    // tsx's ESM API compiles the module and what it imports, scoped to this import: the user
    // needs no loader of their own, and it works in any process, not only one started by tsx.
    const { tsImport } = await import("tsx/esm/api");
    return (await tsImport(url, import.meta.url)) as Record<string, unknown>;
  } catch (error) {
    const message = error instanceof Error ? `${error.name === "Error" ? "" : `${error.name}: `}${error.message}` : String(error);
    throw new InputError(`${where}: importing it failed: ${message.split("\n")[0]}`);
  }
}

/** Every export that is a model, arrays of them included; anything else is the module's own business. */
function modelsIn(namespace: Record<string, unknown>): ModelDefinition[] {
  const found: ModelDefinition[] = [];
  for (const value of Object.values(namespace)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (isModelDefinition(item) && !found.includes(item)) found.push(item);
    }
  }
  return found;
}

/** A path as messages show it: relative to the working directory where that is shorter. */
function shown(path: string): string {
  const relativePath = relative(process.cwd(), path);
  return relativePath !== "" && !relativePath.startsWith("..") && relativePath.length < path.length ? relativePath : path;
}
