import type { Command } from "commander";
import { registerAudit } from "./audit.ts";
import { registerCheck } from "./check.ts";
import { registerExplore } from "./explore.ts";
import { registerList } from "./list.ts";
import { registerMerkle } from "./merkle.ts";
import { registerMptCommands } from "./mpt.ts";
import { registerReplay } from "./replay.ts";
import { registerReport } from "./report.ts";
import { registerSimulate } from "./simulate.ts";

/** A command module adds its subcommand(s) to the program and reports its exit code. */
export type CommandRegistration = (program: Command, setExitCode: (code: number) => void) => void;

/** Every command of the CLI, in the order `--help` lists them. */
export const commandRegistrations: readonly CommandRegistration[] = [
  registerCheck,
  registerAudit,
  registerExplore,
  registerList,
  registerReplay,
  registerReport,
  registerSimulate,
  registerMerkle,
  registerMptCommands,
];
