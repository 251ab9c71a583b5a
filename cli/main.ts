import { CommanderError } from "commander";
import { InputError } from "../spec/common/input-error.ts";
import { ignoreClosedPipes } from "./closed-pipes.ts";
import { EXIT } from "./exit-codes.ts";
import { OutputError } from "./output-error.ts";
import { buildProgram } from "./program.ts";

/**
 * The `consensus-check` command line. Each command lives in cli/commands/ and reports its exit
 * code; this shell turns every failure into one line on stderr and a documented exit code
 * (docs/cli.md): bad input 2, an output that cannot be written 4, a bug of ours 5 — never a
 * stack trace unless CONSENSUS_CHECK_DEBUG is set.
 */
export async function main(argv: readonly string[]): Promise<number> {
  ignoreClosedPipes();
  let exitCode: number = EXIT.ok;
  const program = buildProgram((code) => {
    exitCode = Math.max(exitCode, code);
  });
  try {
    await program.parseAsync([...argv], { from: "user" });
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end here with exit code 0; usage errors with 1 → our 2.
      return error.exitCode === 0 ? EXIT.ok : EXIT.badInput;
    }
    if (error instanceof InputError) return fail(error.message, EXIT.badInput);
    if (error instanceof OutputError) return fail(error.message, EXIT.outputFailed);
    if (process.env.CONSENSUS_CHECK_DEBUG) process.stderr.write(`${(error as Error)?.stack ?? String(error)}\n`);
    const message = error instanceof Error ? error.message : String(error);
    return fail(`internal error: ${oneLine(message)} (a bug: please report it; CONSENSUS_CHECK_DEBUG=1 prints the stack)`, EXIT.internalError);
  }
  return exitCode;
}

function fail(message: string, code: number): number {
  process.stderr.write(`consensus-check: ${oneLine(message)}\n`);
  return code;
}

/** Messages may quote input: one line, and not a megabyte of it. */
function oneLine(text: string): string {
  const flat = text.replace(/\s*\n\s*/g, " ");
  return flat.length > 2000 ? `${flat.slice(0, 1999)}…` : flat;
}
