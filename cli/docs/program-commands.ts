import type { Command } from "commander";

/** A command of the program with the names that lead to it: ["merkle", "root"]. */
export interface ProgramCommand {
  path: string[];
  command: Command;
}

/** Every command under `program`, depth first, in the order `--help` lists them. */
export function programCommands(program: Command, parents: string[] = []): ProgramCommand[] {
  return program.commands.flatMap((command) => {
    const path = [...parents, command.name()];
    return [{ path, command }, ...programCommands(command, path)];
  });
}

/** Its heading in docs/cli.md: "merkle root". */
export function commandHeading(path: readonly string[]): string {
  return path.join(" ");
}
