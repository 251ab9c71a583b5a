import { describe, expect, it } from "vitest";
import { hasStackTrace, startProcess, BIN } from "./cli-process.ts";

/**
 * `consensus-check list | head -1`: the reader closes the pipe before the CLI writes. The CLI
 * must end quietly (no EPIPE stack trace) with the exit code the command has anyway, so that
 * `set -o pipefail` still gates on the verdict.
 */
const commands: { argv: string[]; code: number }[] = [
  { argv: ["list"], code: 0 },
  { argv: ["list", "--json"], code: 0 },
  { argv: ["replay", "test/models/pbft/fixtures/n3_f1.schedule.json"], code: 0 },
  { argv: ["merkle", "root", "examples/merkle/root.json"], code: 0 },
  { argv: ["merkle", "verify-inclusion", "examples/merkle/inclusion-invalid.json"], code: 1 },
  { argv: ["mpt", "root", "examples/mpt/root.json"], code: 0 },
  { argv: ["mpt", "prove", "examples/mpt/prove.json", "--json"], code: 0 },
  { argv: ["--help"], code: 0 },
];

describe("a closed stdout", () => {
  it.each(commands.map((entry) => ({ ...entry, name: entry.argv.join(" ") })))("$name: ends quietly with exit $code", async ({ argv, code }) => {
    const run = startProcess(process.execPath, [BIN, ...argv]);
    // Close our end of the pipe at once: every write of the child meets a closed reader.
    run.child.stdout!.destroy();
    const exited = await run.exited;
    expect(exited.signal).toBeNull();
    expect(exited.code).toBe(code);
    expect(hasStackTrace(exited.stderr)).toBe(false);
    // Only what the command says anyway (replay warns that n3_f1 is below the bound).
    expect(exited.stderr.split("\n").filter((line) => line !== "" && !line.startsWith("warning: "))).toEqual([]);
  });
});
