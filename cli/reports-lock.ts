import { openSync, closeSync, readFileSync, rmSync, statSync, writeSync } from "node:fs";
import { isAlive, removeStaleTemporaries } from "./atomic-write.ts";
import { join } from "node:path";
import { OutputError, describeFsError } from "./output-error.ts";

/**
 * One writer at a time in a reports folder: two `check` runs sharing reports/ would otherwise
 * interleave their read-modify-write of index.json and leave an index that misses a model.
 * The lock is a file created with O_EXCL holding the owner's pid; a lock whose owner is dead
 * (killed with -9 while holding it) is stale and taken over. Held only while files are
 * written, never during an exploration.
 */
export const LOCK_FILE = ".lock";
const WAIT_STEP_MS = 25;
export const WAIT_LIMIT_MS = 60_000;
const STALE_EMPTY_MS = 5_000;

export async function withReportsLock<T>(folder: string, write: () => T, waitLimitMs = WAIT_LIMIT_MS): Promise<T> {
  const lock = join(folder, LOCK_FILE);
  const started = Date.now();
  for (;;) {
    if (tryCreate(lock)) break;
    const owner = ownerOf(lock);
    // A dead owner, or none written long after the file was created (killed between the
    // two): stale. Two waiters may both see it; the one whose removal comes second could
    // remove the first's new lock, a window of microseconds we accept for a reports folder.
    if ((owner !== undefined && !isAlive(owner)) || (owner === undefined && ageMs(lock) > STALE_EMPTY_MS)) {
      removeStaleLock(lock);
      continue;
    }
    if (Date.now() - started > waitLimitMs) {
      throw new OutputError(`${folder} is locked by process ${owner ?? "?"} for over ${waitLimitMs / 1000} s; if no consensus-check runs, remove ${lock}`);
    }
    await new Promise((resolve) => setTimeout(resolve, WAIT_STEP_MS));
  }
  try {
    removeStaleTemporaries(folder);
    return write();
  } finally {
    rmSync(lock, { force: true });
  }
}

/** A `.lock` that is a folder (or cannot be removed) is an output that cannot be written: exit 4, not a crash. */
function removeStaleLock(lock: string): void {
  try {
    rmSync(lock, { force: true });
  } catch (error) {
    throw new OutputError(`cannot remove the stale lock ${lock}: ${describeFsError(error)}; remove it by hand`);
  }
}

function tryCreate(lock: string): boolean {
  let fd: number;
  try {
    fd = openSync(lock, "wx");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw new OutputError(`cannot lock ${lock}: ${describeFsError(error)}`);
  }
  try {
    writeSync(fd, String(process.pid));
    return true;
  } catch (error) {
    // A full disk takes the file but not its 6 bytes: leave no ownerless lock behind.
    rmSync(lock, { force: true });
    throw new OutputError(`cannot lock ${lock}: ${describeFsError(error)}`);
  } finally {
    closeSync(fd);
  }
}

function ownerOf(lock: string): number | undefined {
  try {
    const pid = Number(readFileSync(lock, "utf8"));
    return Number.isSafeInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined; // removed meanwhile, or half-written by its owner: try again
  }
}

function ageMs(lock: string): number {
  try {
    return Date.now() - statSync(lock).mtimeMs;
  } catch {
    return 0;
  }
}
