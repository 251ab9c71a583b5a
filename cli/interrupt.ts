/**
 * SIGINT (Ctrl-C), SIGTERM and SIGHUP stop the exploration, not the process: the explorer sees
 * the abort, returns "incomplete" with its partial figures (and saves a checkpoint), the
 * reports are still written, and the command exits 3. A second signal exits at once, with
 * 128 + its number as a shell would report it, and writes nothing more (every file in reports/
 * is replaced by a rename, so what is there stays whole).
 *
 * Two details make this hold under npm as well as under `node bin/…`:
 * - npm forwards the signals it receives to its child, so one Ctrl-C in a terminal reaches us
 *   twice within milliseconds (once from the terminal's process group, once from npm). Signals
 *   within `SAME_SIGNAL_MS` of the first are that same request.
 * - `npm exec`/`npx` runs us under `sh -c`; dash then kills itself with SIGINT after we exit,
 *   and npm reports 130 whatever our code. The project's .npmrc sets `script-shell=/bin/bash`,
 *   which execs the command in place of the shell, so npm sees our exit code (docs/cli.md).
 * And if npm, having started us, dies (SIGKILL to npx, a CI runner killing it), we are
 * reparented: that too ends the run as a SIGTERM would.
 *
 * Two runs are left alone on purpose: a run under `nohup` (SIGHUP is caught only while stdin is
 * a terminal, which nohup takes away, so catching it does not undo nohup's SIG_IGN) and a run
 * started by a shell and detached from it (the parent is watched only when npm is the parent,
 * `npm_command` set, so a shell that exits after `setsid … &` stops nothing).
 */
export const SAME_SIGNAL_MS = 300;
const PARENT_POLL_MS = 500;
export const SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;
export const SIGNAL_NUMBERS: Record<(typeof SIGNALS)[number], number> = { SIGINT: 2, SIGTERM: 15, SIGHUP: 1 };

/** The signals a run catches now: SIGHUP only when a terminal can hang up on it. */
export function caughtSignals(): (typeof SIGNALS)[number][] {
  return SIGNALS.filter((name) => name !== "SIGHUP" || process.stdin.isTTY === true);
}

export interface RunStop {
  /** Aborted by the first signal (or the parent's death); the explorer polls it. */
  signal: AbortSignal;
  /** Whether a stop was asked for during the command: the command then exits 3. */
  readonly stopped: boolean;
  dispose(): void;
}

export function stopOnSignals(): RunStop {
  const controller = new AbortController();
  let firstAt = 0;
  const stop = (why: string): void => {
    firstAt = Date.now();
    process.stderr.write(`\n${why}: finishing the partial report (send it again to quit at once)\n`);
    controller.abort(why);
  };
  const handlers = caughtSignals().map((name) => {
    const handler = (): void => {
      if (!controller.signal.aborted) return stop(`${name} received`);
      if (Date.now() - firstAt < SAME_SIGNAL_MS) return;
      process.exit(128 + SIGNAL_NUMBERS[name]);
    };
    process.on(name, handler);
    return [name, handler] as const;
  });
  const parent = process.ppid;
  const watch =
    process.env.npm_command === undefined
      ? undefined
      : setInterval(() => {
          if (process.ppid !== parent && !controller.signal.aborted) stop("npm, which started this run, ended");
        }, PARENT_POLL_MS).unref();
  return {
    signal: controller.signal,
    get stopped() {
      return controller.signal.aborted;
    },
    dispose() {
      clearInterval(watch);
      for (const [name, handler] of handlers) process.off(name, handler);
    },
  };
}

