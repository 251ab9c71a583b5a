import { CommanderError, type Command } from "commander";
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
  // Commander writes a usage error as one or two lines ("(Did you mean …?)" on the second) and
  // the whole help when a command is missing; the catch below writes one line of ours instead.
  let helpOnStderr = false;
  const program = buildProgram(
    (code) => {
      exitCode = Math.max(exitCode, code);
    },
    {
      writeErr: () => {
        helpOnStderr = true;
      },
      outputError: () => {},
    },
  );
  try {
    await program.parseAsync([...argv], { from: "user" });
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end here with exit code 0; usage errors with 1 → our 2.
      if (error.exitCode === 0 && !helpOnStderr) return EXIT.ok;
      if (error.code === "commander.help") return fail(missingCommand(program, argv), EXIT.badInput);
      return fail(error.message.replace(/^error: /, ""), EXIT.badInput);
    }
    if (error instanceof InputError) return fail(error.message, EXIT.badInput);
    if (error instanceof OutputError) return fail(error.message, EXIT.outputFailed);
    if (process.env.CONSENSUS_CHECK_DEBUG) process.stderr.write(`${(error as Error)?.stack ?? String(error)}\n`);
    const message = error instanceof Error ? error.message : String(error);
    return fail(`internal error: ${oneLine(message)} (a bug: please report it; CONSENSUS_CHECK_DEBUG=1 prints the stack)`, EXIT.internalError);
  }
  return exitCode;
}

/** `consensus-check merkle`: which command lacks its subcommand, and what they are. */
function missingCommand(program: Command, argv: readonly string[]): string {
  let command = program;
  const path: string[] = [];
  for (const word of argv) {
    const sub = command.commands.find((candidate) => candidate.name() === word);
    if (sub === undefined) break;
    command = sub;
    path.push(word);
  }
  const where = path.join(" ");
  const names = command.commands.map((candidate) => candidate.name()).join(", ");
  return `${where === "" ? "" : `${where}: `}missing command; give one of ${names} (consensus-check ${where === "" ? "" : `${where} `}--help says more)`;
}

function fail(message: string, code: number): number {
  process.stderr.write(`consensus-check: ${oneLine(message)}\n`);
  return code;
}

/**
 * Messages may quote input: one line, and not a megabyte of it; its control characters (a
 * carriage return, an escape sequence in a model name) written as \uXXXX, not acted on by the
 * terminal.
 */
function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  const flat = text.replace(/\s*\n\s*/g, " ").replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
  return flat.length > 2000 ? `${flat.slice(0, 1999)}…` : flat;
}
