import type { Command } from "commander";
import { InputError } from "../spec/common/input-error.ts";
import { DEFAULT_CHECKPOINT_SECONDS, checkpointFolder, type CheckpointSettings } from "./checkpoints.ts";
import { positiveInteger, positiveSeconds } from "./options.ts";
import { prepareReportsFolder } from "./output-paths.ts";

/** The flags every exploring command (`check`, `explore`, `simulate`) shares. */
export interface RunFlags {
  json?: boolean;
  quiet?: boolean;
  /** `check`: always set (default "reports"); `explore`/`simulate`: only when asked. */
  reports?: string;
  time?: number;
  maxMemory?: number;
  checkpointEvery: number;
  /** False with --no-checkpoint. */
  checkpoint: boolean;
  checkpointDir?: string;
  resume?: boolean;
}

export function addRunFlags(command: Command, reports: { default?: string; description: string }): Command {
  return command
    .option("--json", "print the Result(s) as JSON on stdout")
    .option("--quiet", "no progress on stderr")
    .option("--reports <dir>", reports.description, reports.default)
    .option("--time <seconds>", "stop after this many seconds (exit 3; the checkpoint is kept for --resume)", positiveSeconds("--time"))
    .option("--max-memory <MiB>", "stop once the process uses this much memory (exit 3)", positiveInteger("--max-memory"))
    .option("--checkpoint-every <seconds>", "save a checkpoint this often, so a killed run can --resume", positiveSeconds("--checkpoint-every"), DEFAULT_CHECKPOINT_SECONDS)
    .option("--no-checkpoint", "save no checkpoints")
    .option("--checkpoint-dir <dir>", "where checkpoints are kept (default: <reports>/.checkpoints, reports when --reports is not given)")
    .option("--resume", "continue from the model's checkpoint, if there is one (after a kill, Ctrl-C or --time)");
}

export interface RunSetup {
  /** The folder the reports go to, checked writable; undefined when none are written. */
  reportsFolder?: string;
  checkpoints: CheckpointSettings;
  quiet: boolean;
  timeSeconds?: number;
  maxMemoryMB?: number;
}

/** Checks every output path before the run starts (an InputError, exit 2, if one is wrong). */
export function runSetupOf(flags: RunFlags): RunSetup {
  // Flags that conflict are refused before any folder is created.
  if (flags.resume === true && !flags.checkpoint) throw new InputError("--resume: cannot resume with --no-checkpoint; drop one of the two");
  if (flags.checkpointDir !== undefined && !flags.checkpoint) throw new InputError("--checkpoint-dir: no checkpoints are kept with --no-checkpoint; drop one of the two");
  const reportsFolder = flags.reports === undefined ? undefined : prepareReportsFolder("--reports", flags.reports);
  const folder = flags.checkpointDir ?? checkpointFolder(reportsFolder ?? "reports");
  if (flags.checkpoint) prepareReportsFolder(flags.checkpointDir === undefined ? "--reports" : "--checkpoint-dir", folder);
  return {
    reportsFolder,
    checkpoints: { everySeconds: flags.checkpoint ? flags.checkpointEvery : undefined, resume: flags.resume === true, folder },
    quiet: flags.quiet === true,
    timeSeconds: flags.time,
    maxMemoryMB: flags.maxMemory,
  };
}
