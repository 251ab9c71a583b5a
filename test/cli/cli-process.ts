import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { resolve } from "node:path";

/** The repository root: processes run there, as a user's `npx` and `npm start` do. */
export const ROOT = resolve(import.meta.dirname, "../..");
export const BIN = resolve(ROOT, "bin/consensus-check.mjs");

export interface Exited {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface RunningCli {
  child: ChildProcess;
  exited: Promise<Exited>;
}

/**
 * Starts a command (the CLI, npx, npm) as a real process in its own process group, so that a
 * test can send a signal to the group as a terminal's Ctrl-C does, or to the top process alone.
 */
export function startProcess(command: string, args: readonly string[], options: { env?: NodeJS.ProcessEnv; cwd?: string } = {}): RunningCli {
  const child = spawn(command, args, { cwd: options.cwd ?? ROOT, detached: true, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, ...options.env } });
  let stdout = "";
  let stderr = "";
  child.stdout!.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<Exited>((resolvePromise) => child.on("close", (code, signal) => resolvePromise({ code, signal, stdout, stderr })));
  return { child, exited };
}

export function startCli(args: readonly string[], env?: NodeJS.ProcessEnv): RunningCli {
  return startProcess(process.execPath, [BIN, ...args], { env });
}

/** Polls until `ready()` holds (e.g. a checkpoint file exists: the exploration is under way). */
export async function waitFor(ready: () => boolean, what: string, timeoutMs = 60_000): Promise<void> {
  const started = Date.now();
  while (!ready()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolvePromise) => setTimeout(resolvePromise, 20));
  }
}

export const fileExists = (path: string) => (): boolean => existsSync(path);

/** No Node stack trace and no EPIPE report in what a process wrote. */
export function hasStackTrace(text: string): boolean {
  return /\n\s+at /.test(text) || /EPIPE|ERR_STREAM/.test(text);
}
