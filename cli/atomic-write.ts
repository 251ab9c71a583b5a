import { closeSync, fsyncSync, openSync, readdirSync, renameSync, rmSync, statSync, writeSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { randomBytes } from "node:crypto";
import { OutputError, describeFsError } from "./output-error.ts";

export interface FileContent {
  path: string;
  data: string | Uint8Array;
}

/**
 * Writes `data` to `path` so that a reader (or a crash, a kill -9, a full disk) sees either the
 * old file or the new one, never half of one: the bytes go to a temporary file in the same
 * folder (same file system, so the rename is atomic, POSIX rename(2)), are flushed to disk,
 * and the temporary file is renamed over `path`. On failure the temporary file is removed and
 * an OutputError names the file and the cause.
 */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  writeFilesAtomic([{ path, data }]);
}

/**
 * Several files that must agree (a model's Result, its Markdown, the folder's index): every
 * one is written to its temporary file first, and only when all are on disk are they renamed
 * into place. A full disk or a lost permission while writing leaves every old file as it was
 * and no temporary file behind; only a crash between two renames (microseconds, no I/O of
 * data) can leave some renamed and some not.
 */
export function writeFilesAtomic(files: readonly FileContent[]): void {
  const staged: { temporary: string; path: string }[] = [];
  try {
    for (const { path, data } of files) {
      const bytes = typeof data === "string" ? Buffer.from(data, "utf8") : data;
      // `--out /dev/stdout`, a FIFO, a terminal: renaming over them would replace the device
      // node with a regular file. They get the bytes written into them instead.
      if (isSpecialFile(path)) writeInPlace(path, bytes);
      else staged.push({ temporary: stage(path, bytes), path });
    }
    for (const { temporary, path } of staged) renameInto(temporary, path);
  } finally {
    for (const { temporary } of staged) rmSync(temporary, { force: true });
  }
}

function stage(path: string, bytes: Uint8Array): string {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(temporary, "wx", 0o644);
    for (let written = 0; written < bytes.length; ) written += writeSync(fd, bytes, written, bytes.length - written);
    fsyncSync(fd);
    return temporary;
  } catch (error) {
    rmSync(temporary, { force: true });
    throw new OutputError(`cannot write ${path}: ${describeFsError(error)}`);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function renameInto(temporary: string, path: string): void {
  try {
    renameSync(temporary, path);
  } catch (error) {
    throw new OutputError(`cannot write ${path}: ${describeFsError(error)}`);
  }
}

function isSpecialFile(path: string): boolean {
  try {
    const stats = statSync(path);
    return !stats.isFile() && !stats.isDirectory();
  } catch {
    return false;
  }
}

function writeInPlace(path: string, bytes: Uint8Array): void {
  let fd: number | undefined;
  try {
    fd = openSync(path, "w");
    for (let written = 0; written < bytes.length; ) written += writeSync(fd, bytes, written, bytes.length - written);
  } catch (error) {
    throw new OutputError(`cannot write ${path}: ${describeFsError(error)}`);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** `.<name>.<pid>.<random>.tmp`, as `writeFileAtomic` names its temporary files. */
const TEMPORARY = /^\..+\.(\d+)\.[0-9a-f]{8}\.tmp$/;

/** Temporary files left in `folder` by a writer that was killed mid-write (kill -9). */
export function removeStaleTemporaries(folder: string): void {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return;
  }
  for (const name of names) {
    const match = TEMPORARY.exec(name);
    if (!match || isAlive(Number(match[1]))) continue;
    // Cleaning up is best effort: an entry of that name it cannot remove (a folder) stays.
    try {
      rmSync(join(folder, name), { force: true });
    } catch {
      // left as it is
    }
  }
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Removes a file that would otherwise disagree with the rest (a stale schedule, a finished run's checkpoint). */
export function removeFile(path: string, what = path): void {
  try {
    rmSync(path, { force: true });
  } catch (error) {
    throw new OutputError(`cannot remove ${what}: ${describeFsError(error)}`);
  }
}
