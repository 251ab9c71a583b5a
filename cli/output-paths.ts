import { closeSync, mkdirSync, openSync, rmSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { InputError } from "../spec/common/input-error.ts";
import { describeFsError } from "./output-error.ts";

/**
 * Output paths are checked before any run starts, so that a wrong `--reports` or `--out` costs
 * one line and exit 2, not a finished exploration thrown away. "Writable" is proven by
 * creating and removing a probe file, not by permission bits (root passes every access(2)
 * check, and a read-only mount fails none of them).
 */

/** `--reports DIR`: an existing folder, or one that can be created; returns it. */
export function prepareReportsFolder(flag: string, folder: string): string {
  const example = flag === "--checkpoint-dir" ? "reports/.checkpoints" : "reports";
  if (folder.trim() === "") throw new InputError(`${flag}: expected a folder path, got an empty string (the default is ${example})`);
  const kind = kindOf(flag, folder);
  if (kind === "other") throw new InputError(`${flag}: ${folder} exists and is not a folder; give a folder path (e.g. ${flag} ${example})`);
  if (kind === "under-file") throw new InputError(`${flag}: ${folder}: ${fileOnPath(flag, folder)} is not a folder but a file; give a folder path (e.g. ${flag} ${example})`);
  if (kind === "missing") {
    try {
      makeFolders(flag, folder);
    } catch (error) {
      throw new InputError(`${flag}: cannot create the folder ${folder}: ${describeCreateError(error)}; give a folder you can write`);
    }
  }
  probeWritable(flag, folder);
  return folder;
}

/** `--out FILE`: not a folder, in an existing folder that can be written; returns it. */
export function prepareOutputFile(flag: string, file: string): string {
  if (file.trim() === "") throw new InputError(`${flag}: expected a file path, got an empty string`);
  // Inputs read "-" as standard input; an output named "-" would be a file of that name in the working folder.
  if (file === "-") throw new InputError(`${flag}: - would be a file named "-"; leave ${flag} out to write to standard output`);
  if (file.endsWith("/") || kindOf(flag, file) === "folder") throw new InputError(`${flag}: ${file} is a folder; give a file path (e.g. ${flag} report.md)`);
  const folder = dirname(resolve(file));
  const kind = kindOf(flag, folder);
  if (kind === "missing") throw new InputError(`${flag}: the folder ${dirname(file)} does not exist; create it first or write elsewhere`);
  if (kind === "other") throw new InputError(`${flag}: ${dirname(file)} is not a folder`);
  if (kind === "under-file") throw new InputError(`${flag}: ${dirname(file)}: ${fileOnPath(flag, folder)} is not a folder but a file`);
  probeWritable(flag, folder);
  return file;
}

/** The nearest ancestor of `path` that exists and is not a folder (ENOTDIR says there is one). */
function fileOnPath(flag: string, path: string): string {
  let current = dirname(resolve(path));
  while (kindOf(flag, current) === "under-file" && dirname(current) !== current) current = dirname(current);
  return current;
}

/** procfs and the like answer ENOENT to a new entry in a folder that exists. */
function describeCreateError(error: unknown): string {
  return (error as NodeJS.ErrnoException | undefined)?.code === "ENOENT" ? "ENOENT (no new entry can be made there)" : describeFsError(error);
}

/**
 * `mkdir -p`, one level at a time. Not `mkdirSync(folder, { recursive: true })`: Node reads its
 * ENOENT as "the parent is missing", creates the parent (EEXIST: fine) and tries again, forever
 * where the parent exists but cannot hold the child (procfs answers ENOENT, e.g. /proc/x).
 */
function makeFolders(flag: string, folder: string): void {
  const missing: string[] = [];
  for (let path = resolve(folder); kindOf(flag, path) === "missing"; path = dirname(path)) {
    missing.push(path);
    if (dirname(path) === path) break;
  }
  for (const path of missing.reverse()) {
    try {
      mkdirSync(path);
    } catch (error) {
      // Another process may have made it meanwhile, as `recursive: true` would allow.
      if ((error as NodeJS.ErrnoException).code !== "EEXIST" || kindOf(flag, path) !== "folder") throw error;
    }
  }
}

/** "under-file": a part of the path above it is a file (ENOTDIR). */
function kindOf(flag: string, path: string): "folder" | "missing" | "other" | "under-file" {
  try {
    return statSync(path).isDirectory() ? "folder" : "other";
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return "missing";
    if (code === "ENOTDIR") return "under-file";
    throw new InputError(`${flag}: cannot inspect ${path}: ${describeFsError(error)}; give another path`);
  }
}

function probeWritable(flag: string, folder: string): void {
  const probe = join(folder, `.consensus-check-probe-${process.pid}`);
  try {
    closeSync(openSync(probe, "w"));
    rmSync(probe, { force: true });
  } catch (error) {
    throw new InputError(`${flag}: cannot write in ${folder}: ${describeCreateError(error)}; give a folder you can write`);
  }
}
