import type { Argument, Command, Option } from "commander";
import { exitCodesOf } from "../command-exit-codes.ts";
import { COMMAND_FORMATS } from "./command-formats.ts";
import { code, link, table, text } from "./markdown.ts";
import { commandHeading, programCommands, type ProgramCommand } from "./program-commands.ts";

/**
 * "Commands": for each command of the program, its usage, description, arguments, options
 * with their defaults, and its exit codes — all read from the Command objects `buildProgram`
 * makes, so nothing here can list a flag the CLI does not parse.
 */
export function commandsSection(program: Command): string {
  const commands = programCommands(program);
  const headings = new Set(commands.map(({ path }) => commandHeading(path)));
  const unknown = [...COMMAND_FORMATS.keys()].filter((heading) => !headings.has(heading));
  if (unknown.length > 0) throw new Error(`formats listed for commands the program does not have: ${unknown.join(", ")}`);
  const index = commands.map(({ path, command }) => `${"  ".repeat(path.length - 1)}- ${link(commandHeading(path))}: ${text(command.description())}`);
  return [
    "## Commands",
    "Every command also takes `-h, --help`, which prints what follows for it, exit codes included.",
    index.join("\n"),
    ...commands.map(commandSection),
  ].join("\n\n");
}

function commandSection({ path, command }: ProgramCommand): string {
  const parts = [`### ${commandHeading(path)}`, text(command.description()), "```sh\n" + `consensus-check ${path.join(" ")} ${command.usage()}` + "\n```"];
  if (command.commands.length > 0) {
    parts.push(`Subcommands: ${command.commands.map((sub) => link(commandHeading([...path, sub.name()]))).join(", ")}.`);
  }
  const formats = COMMAND_FORMATS.get(commandHeading(path));
  if (formats !== undefined) parts.push(`Formats: ${formats.map(link).join(", ")}.`);
  if (command.registeredArguments.length > 0) parts.push(`**Arguments**\n\n${table(["argument", "", "description"], command.registeredArguments.map(argumentRow))}`);
  if (command.options.length > 0) parts.push(`**Options**\n\n${optionsTable(command)}`);
  const exitCodes = exitCodesOf(command);
  if (exitCodes !== undefined) parts.push(`**Exit status**\n\n${table(["code", "when"], exitCodes.map(({ code: exit, when }) => [code(String(exit)), text(when)]))}`);
  return parts.join("\n\n");
}

function argumentRow(argument: Argument): string[] {
  const shape = argument.variadic ? (argument.required ? "required, one or more" : "optional, any number") : argument.required ? "required" : "optional";
  return [code(argument.name()), shape, text(argument.description)];
}

export function optionsTable(command: Command): string {
  return table(["option", "description", "default"], command.options.map(optionRow));
}

function optionRow(option: Option): string[] {
  // A --no-X flag's default is X's: on, which its description already says.
  const shown = option.defaultValue === undefined || option.negate ? "" : code(JSON.stringify(option.defaultValue));
  return [code(option.flags), text(option.description), shown];
}
