import type { Command } from "commander";
import { registerMptCommands } from "./mpt.ts";

/** A command module adds its subcommand(s) to the program and reports its exit code. */
export type CommandRegistration = (program: Command, setExitCode: (code: number) => void) => void;

/** Every command of the CLI, in the order `--help` lists them. */
export const commandRegistrations: readonly CommandRegistration[] = [registerMptCommands];
