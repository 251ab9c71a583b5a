import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Command, type OutputConfiguration } from "commander";
import { CLOSED_OUTPUT_NOTE } from "./closed-pipes.ts";
import { exitCodeHelp } from "./command-exit-codes.ts";
import { EXIT_CODE_MEANINGS } from "./exit-codes.ts";
import { commandRegistrations } from "./commands/index.ts";
import { wrapText } from "../reporting/wrap.ts";
import { PACKAGE_ROOT } from "./package-root.ts";

/**
 * The `consensus-check` program with every command, as `main` runs it and as the docs
 * generator (cli/docs/) reads it: one construction, so docs/cli.md lists exactly the
 * commands, arguments, options and defaults the CLI parses. `output` is set before the
 * commands are added, so they inherit it (commander copies it at `command()`).
 */
export function buildProgram(setExitCode: (code: number) => void, output: OutputConfiguration = { writeErr: (text) => process.stderr.write(text) }): Command {
  const program = new Command("consensus-check")
    .description("Model-check consensus protocols: PBFT, Merkle trees, Merkle-Patricia tries.")
    .version(packageVersion())
    .exitOverride()
    .configureOutput(output)
    .addHelpText("after", `\n${exitCodeHelp("Exit codes (each command's --help says which of its outcomes gives which):", EXIT_CODE_MEANINGS)}\n${wrapText(CLOSED_OUTPUT_NOTE, 80).join("\n")}\n`);
  for (const register of commandRegistrations) register(program, setExitCode);
  return program;
}

function packageVersion(): string {
  const manifest = JSON.parse(readFileSync(join(PACKAGE_ROOT, "package.json"), "utf8")) as { version: string };
  return manifest.version;
}
