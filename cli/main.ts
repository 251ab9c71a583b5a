import { readFileSync } from "node:fs";
import { Command, CommanderError } from "commander";
import { InputError } from "../spec/common/input-error.ts";
import { EXIT } from "./exit-codes.ts";
import { commandRegistrations } from "./commands/index.ts";

/**
 * The `consensus-check` command line. Each command lives in cli/commands/ and returns its
 * exit code; this shell turns bad input into one line on stderr and exit 2, never a stack trace.
 */
export async function main(argv: readonly string[]): Promise<number> {
  let exitCode: number = EXIT.ok;
  const program = new Command("consensus-check")
    .description("Model-check consensus protocols: PBFT, Merkle trees, Merkle-Patricia tries.")
    .version(packageVersion())
    .exitOverride()
    .configureOutput({ writeErr: (text) => process.stderr.write(text) });
  const setExitCode = (code: number): void => {
    exitCode = Math.max(exitCode, code);
  };
  for (const register of commandRegistrations) register(program, setExitCode);
  try {
    await program.parseAsync([...argv], { from: "user" });
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end here with exit code 0; usage errors with 1 → our 2.
      return error.exitCode === 0 ? EXIT.ok : EXIT.badInput;
    }
    if (error instanceof InputError) {
      process.stderr.write(`consensus-check: ${error.message}\n`);
      return EXIT.badInput;
    }
    throw error;
  }
  return exitCode;
}

function packageVersion(): string {
  const manifest = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string };
  return manifest.version;
}
