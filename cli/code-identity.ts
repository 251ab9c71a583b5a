import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { MODULE_ROOT, PACKAGE_ROOT } from "./package-root.ts";

/**
 * What a checkpoint is valid for: state ids and action indices are only meaningful for the
 * code that produced them, so a checkpoint carries a hash of every source file that decides
 * the explored space (the explorer, the models, the protocols, their properties) and is
 * refused by other code. Hashing ~200 small files takes a few milliseconds. The files are the
 * modules that run: the TypeScript sources in the repository, the built dist/ in an installed
 * package (cli/package-root.ts).
 */
const FOLDERS = ["explorer", "models", "spec", "impl", "properties"];
const SOURCE = /\.(ts|js|mjs|json|pml)$/;

let cached: string | undefined;

export function codeIdentity(): string {
  if (cached !== undefined) return cached;
  const root = MODULE_ROOT;
  const hash = createHash("sha256");
  const manifest = JSON.parse(readFileSync(join(PACKAGE_ROOT, "package.json"), "utf8")) as { version: string };
  hash.update(`consensus-check ${manifest.version}\n`);
  for (const folder of FOLDERS) {
    for (const file of filesUnder(join(root, folder))) {
      hash.update(`${relative(root, file)}\n`);
      hash.update(readFileSync(file));
    }
  }
  cached = hash.digest("hex");
  return cached;
}

function filesUnder(folder: string): string[] {
  let entries;
  try {
    entries = readdirSync(folder, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap((entry) => (entry.isDirectory() ? filesUnder(join(folder, entry.name)) : SOURCE.test(entry.name) ? [join(folder, entry.name)] : []));
}
