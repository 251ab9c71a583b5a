import { readFileSync } from "node:fs";
import type { Command } from "commander";
import { optionsTable } from "./commands-section.ts";

interface Manifest {
  bin: Record<string, string>;
  engines: { node: string };
}

/** "Running it": how the bin runs, npx and the shell npm runs it under, the program's own options. */
export function runningSection(program: Command): string {
  const manifest = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as Manifest;
  const bin = manifest.bin[program.name()];
  return [
    "## Running it",
    `\`${program.name()}\` is the package's bin, \`${bin}\`: it registers tsx and runs the TypeScript sources as they are, with no build step, on Node ${manifest.engines.node}. ` +
      `From a checkout, after \`npm install\`: \`npx ${program.name()} <command>\`, or \`node ${bin} <command>\` without npm.`,
    "Under `npx` (`npm exec`), npm runs the command through its script shell and reports that shell's exit status. " +
      "With dash, the `sh` of Debian and Ubuntu, a Ctrl-C makes the shell kill itself with SIGINT once consensus-check has exited, so npm reports 130 whatever the exit code was. " +
      "The project's `.npmrc` sets `script-shell=/bin/bash`, which runs the command in place of the shell, so npm reports consensus-check's own exit code: " +
      "keep that setting where you run it through npm, or run the bin with `node`.",
    "Results go to stdout (`--json` makes them JSON); progress (a bar with states/s, depth, queue and ETA) goes to stderr when it is a terminal, and `--quiet` turns it off. " +
      "Bad input is one line on stderr naming the field and the fix, never a stack trace; `CONSENSUS_CHECK_DEBUG=1` prints the stack of an internal error.",
    `Options of \`${program.name()}\` itself:`,
    optionsTable(program),
  ].join("\n\n");
}
