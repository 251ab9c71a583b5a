import { vi } from "vitest";
import { main } from "../../cli/main.ts";

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process (so coverage sees it) and captures what it writes. */
export async function runCli(...argv: string[]): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const out = vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
    stdout += typeof chunk === "string" ? chunk : Buffer.from(chunk).toString();
    return true;
  });
  const err = vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => {
    stderr += typeof chunk === "string" ? chunk : Buffer.from(chunk).toString();
    return true;
  });
  try {
    const code = await main(argv);
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

/** The contract for bad input: exit 2, one line on stderr, no stack trace. */
export function expectOneLineError(run: CliRun, pattern: RegExp): void {
  if (run.code !== 2) throw new Error(`expected exit 2, got ${run.code}; stderr: ${run.stderr}`);
  const lines = run.stderr.trim().split("\n");
  if (lines.length !== 1) throw new Error(`expected one line on stderr, got ${lines.length}: ${run.stderr}`);
  if (/\n\s+at /.test(run.stderr)) throw new Error(`stack trace on stderr: ${run.stderr}`);
  if (!pattern.test(lines[0]!)) throw new Error(`stderr "${lines[0]}" does not match ${pattern}`);
}
