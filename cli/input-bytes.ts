import { closeSync, constants, fstatSync, openSync, readSync } from "node:fs";
import { InputError } from "../spec/common/input-error.ts";

const MIB = 1024 * 1024;

/**
 * The most bytes one input file (or standard input) may hold: 64 MiB. The formats read this
 * way (a Schedule, a saved Result, Merkle and MPT case files) are a few KiB in practice; the
 * largest useful ones, a million 32-byte Merkle leaves or a quarter million trie updates, fit.
 * Parsed, JSON takes several times its size in memory, so the limit keeps a run of the CLI
 * within a few hundred MiB whatever it is given.
 */
export const INPUT_LIMIT_BYTES = 64 * MIB;

const CHUNK_BYTES = 1024 * 1024;

/** "80 MiB", or "64.00 MiB (67108865 bytes)" where whole MiB would hide the difference. */
export function describeSize(bytes: number): string {
  const mib = bytes / MIB;
  return Number.isInteger(mib) ? `${mib} MiB` : `${mib.toFixed(2)} MiB (${bytes} bytes)`;
}

const READ_ERRORS: Readonly<Record<string, string>> = {
  ENOENT: "no such file",
  EACCES: "permission denied",
  EISDIR: "it is a directory",
  ELOOP: "too many symbolic links",
  ENAMETOOLONG: "the name is too long",
  ENOTDIR: "a part of the path is not a directory",
};

function cannotRead(name: string, error: unknown): InputError {
  const code = (error as NodeJS.ErrnoException).code;
  const reason = code === undefined ? String(error) : `${code}${READ_ERRORS[code] === undefined ? "" : ` (${READ_ERRORS[code]})`}`;
  return new InputError(`cannot read ${name}: ${reason}`);
}

/**
 * The bytes of FILE, or of standard input for `-`, refusing more than `limit` bytes: a file
 * by its size before reading it, standard input by counting while reading (it has no size).
 * A directory, a FIFO or a device given as FILE is refused without blocking on it.
 */
export function readInputBytes(file: string, limit: number = INPUT_LIMIT_BYTES): Buffer {
  if (file === "-") return readAtMost(0, "standard input", limit);
  if (file.trim() === "") throw new InputError("expected a file path (or - for standard input), got an empty string");
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO would otherwise wait for a writer, forever if none comes.
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    throw cannotRead(file, error);
  }
  try {
    const stats = fstatSync(fd);
    if (stats.isDirectory()) throw new InputError(`${file} is a directory; give a JSON file`);
    if (!stats.isFile()) throw new InputError(`${file} is not a regular file (a FIFO, socket or device); give a file, or - and pipe it to standard input`);
    if (stats.size > limit) throw new InputError(`${file}: ${describeSize(stats.size)} is over the ${describeSize(limit)} input limit`);
    return readAtMost(fd, file, limit);
  } finally {
    closeSync(fd);
  }
}

/** Reads `fd` to its end in chunks, stopping with an error once more than `limit` bytes came. */
function readAtMost(fd: number, name: string, limit: number): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const chunk = Buffer.allocUnsafe(Math.min(CHUNK_BYTES, limit + 1 - total));
    const count = readChunk(fd, chunk, name);
    if (count === 0) break;
    chunks.push(count === chunk.length ? chunk : chunk.subarray(0, count));
    total += count;
    if (total > limit) throw new InputError(`${name}: more than ${describeSize(limit)} is over the ${describeSize(limit)} input limit`);
  }
  return Buffer.concat(chunks, total);
}

const pause = new Int32Array(new SharedArrayBuffer(4));

function readChunk(fd: number, chunk: Buffer, name: string): number {
  for (;;) {
    try {
      return readSync(fd, chunk, 0, chunk.length, null);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // A non-blocking pipe with no data yet (stdin may be one): wait a little and read again.
      if (code === "EAGAIN") {
        Atomics.wait(pause, 0, 0, 10);
        continue;
      }
      // A closed terminal or pipe reads as its end.
      if (code === "EOF") return 0;
      throw cannotRead(name, error);
    }
  }
}
