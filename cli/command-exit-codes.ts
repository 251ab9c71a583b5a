import type { Command } from "commander";
import { EXIT, SIGNAL_EXIT, type ExitOutcome } from "./exit-codes.ts";
import { wrapText } from "../reporting/wrap.ts";

/**
 * A command's exit codes are data given once, where the command is registered: its --help
 * prints them and the docs generator (cli/docs/) reads them back from the Command, so the two
 * cannot disagree and a command cannot document codes its help does not show.
 */
const documented = new WeakMap<Command, readonly ExitOutcome[]>();

const HELP_WIDTH = 80;
const KNOWN_CODES = new Set<string>([...Object.values(EXIT).map(String), SIGNAL_EXIT]);

export function documentExitCodes(command: Command, outcomes: readonly ExitOutcome[]): Command {
  for (const { code, when } of outcomes) {
    // A typo here would be a wrong contract in the docs: refuse it when the program is built.
    if (!KNOWN_CODES.has(String(code)) || when.trim() === "") throw new Error(`${command.name()}: exit code ${code} is not one of the CLI's, or has no description`);
  }
  documented.set(command, outcomes);
  return command.addHelpText("after", `\n${exitCodeHelp("Exit status:", outcomes)}`);
}

/** The outcomes `documentExitCodes` gave `command`; undefined for one without (a command group). */
export function exitCodesOf(command: Command): readonly ExitOutcome[] | undefined {
  return documented.get(command);
}

/** `heading`, then one entry per outcome: its code, and what gives it wrapped to 80 columns. */
export function exitCodeHelp(heading: string, outcomes: readonly ExitOutcome[]): string {
  const codeWidth = Math.max(...outcomes.map(({ code }) => String(code).length));
  const indent = 2 + codeWidth + 2;
  const lines = [heading];
  for (const { code, when } of outcomes) {
    wrapText(when, HELP_WIDTH - indent).forEach((line, index) => {
      lines.push(`${index === 0 ? `  ${String(code).padEnd(codeWidth)}  ` : " ".repeat(indent)}${line}`);
    });
  }
  return `${lines.join("\n")}\n`;
}
