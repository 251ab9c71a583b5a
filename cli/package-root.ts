import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * Where the code runs from. In the repository the TypeScript sources are the modules (run
 * through tsx), and their folder is the package's; in an installed package the modules are the
 * built JavaScript under dist/, and package.json and bin/ are one folder up. Anything read from
 * disk at run time (package.json, the files a checkpoint's code identity hashes) is found from
 * these two, never from a path relative to one module.
 */
export const MODULE_ROOT = fileURLToPath(new URL("..", import.meta.url)).replace(/[\\/]$/, "");

/** The package's folder (package.json, bin/) for modules loaded from `moduleRoot`. */
export function packageRootOf(moduleRoot: string): string {
  return existsSync(join(moduleRoot, "package.json")) ? moduleRoot : dirname(moduleRoot);
}

export const PACKAGE_ROOT = packageRootOf(MODULE_ROOT);
