/**
 * `consensus-check list | head -1`: once the reader closes the pipe, a write fails with EPIPE,
 * and Node turns an unhandled stream error into a stack trace and exit 1. A closed stdout (or
 * stderr) is not an error of the program: later writes to it are dropped, the command runs to
 * its end and returns its own exit code, so `set -o pipefail` still sees the verdict and the
 * reports are still written.
 */
/** What the root --help and docs/cli.md say about it. */
export const CLOSED_OUTPUT_NOTE =
  "A closed stdout (consensus-check list | head -1) is not an error: the rest of the output is dropped, the command runs to its end (reports are still written) and its exit code is unchanged.";

const QUIET_CODES = new Set(["EPIPE", "ERR_STREAM_DESTROYED", "ERR_STREAM_WRITE_AFTER_END"]);

let installed = false;

export function ignoreClosedPipes(): void {
  if (installed) return;
  installed = true;
  for (const stream of [process.stdout, process.stderr]) {
    stream.on("error", (error: NodeJS.ErrnoException) => {
      if (QUIET_CODES.has(error.code ?? "")) return;
      // Any other error of a standard stream (EIO on a vanished terminal) is no more ours to
      // report: there is nowhere left to report it. The exit code still tells.
      process.exitCode = process.exitCode || 1;
    });
  }
}
