import { existsSync, mkdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { readCheckpointHeader, type CheckpointHook, type Result } from "../explorer/index.ts";
import { InputError } from "../spec/common/input-error.ts";
import { fileStem } from "../reporting/index.ts";
import { removeFile, removeStaleTemporaries, writeFileAtomic } from "./atomic-write.ts";
import { codeIdentity } from "./code-identity.ts";
import { describeFsError } from "./output-error.ts";

/**
 * Checkpoint files of the CLI (TLC's `-checkpoint` and `-recover`): the explorer hands over
 * bytes, this module keeps them in `<reports>/.checkpoints/<model>.<strategy>.ckpt`, replaced
 * atomically, so that a run killed at any moment (even with SIGKILL) leaves the last whole
 * checkpoint to `--resume` from. A run that ends for good (pass, violation, a states or depth
 * limit) removes its checkpoint; one stopped by a signal or its time limit keeps it.
 */
export interface CheckpointSettings {
  /** Seconds between saves; undefined: no checkpoints. */
  everySeconds?: number;
  resume: boolean;
  folder: string;
}

/** Saves start after a minute by default: a shorter run loses little when killed. */
export const DEFAULT_CHECKPOINT_SECONDS = 60;

export function checkpointFolder(reportsFolder: string): string {
  return join(reportsFolder, ".checkpoints");
}

export function checkpointFile(folder: string, model: string, strategy: string): string {
  return join(folder, `${fileStem(model)}.${strategy}.ckpt`);
}

export interface RunCheckpoints {
  hook?: CheckpointHook;
  resumeFrom?: Uint8Array;
  /**
   * Called once the run is over: notes the checkpoint it resumed from. Not before, so that a
   * checkpoint the explorer refuses is one line on stderr (`refusal`), not a note and an error.
   */
  resumed(): void;
  /** A refusal of the checkpoint by the explorer ("checkpoint: …"), naming the file and the fix. */
  refusal(error: unknown): unknown;
  /** Called with the finished Result: removes the checkpoint unless the run can go on. */
  settle(result: Result): void;
}

export function runCheckpoints(settings: CheckpointSettings, model: string, strategy: string, note: (line: string) => void): RunCheckpoints {
  const file = checkpointFile(settings.folder, model, strategy);
  if (!settings.resume && settings.everySeconds !== undefined && isFolder(file)) {
    throw new InputError(`checkpoints: ${file} is a folder, where this run would keep its checkpoint; remove it or give another --checkpoint-dir`);
  }
  removeStaleTemporaries(settings.folder);
  let resumeFrom: Uint8Array | undefined;
  if (settings.resume) {
    if (existsSync(file)) {
      try {
        resumeFrom = readFileSync(file);
      } catch (error) {
        throw new InputError(`--resume: cannot read ${file}: ${describeFsError(error)}; delete it or run without --resume`);
      }
    } else note(`${model}: no checkpoint at ${file}; starting from the beginning`);
  }
  // Resuming needs the identity even when no new saves are wanted: a checkpoint is always
  // compared with the code that reads it.
  const everySeconds = settings.everySeconds ?? (resumeFrom !== undefined ? Number.POSITIVE_INFINITY : undefined);
  const hook: CheckpointHook | undefined =
    everySeconds === undefined
      ? undefined
      : {
          everySeconds,
          identity: codeIdentity(),
          save(bytes) {
            mkdirSync(settings.folder, { recursive: true });
            writeFileAtomic(file, bytes);
            afterSave();
          },
        };
  return {
    hook,
    resumeFrom,
    resumed() {
      if (resumeFrom !== undefined) note(`${model}: resumed from ${file} (${readCheckpointHeader(resumeFrom).states.toLocaleString("en-US")} states saved)`);
    },
    refusal(error) {
      if (resumeFrom === undefined || !(error instanceof InputError) || !error.message.startsWith("checkpoint: ")) return error;
      const reason = error.message.slice("checkpoint: ".length);
      return new InputError(`--resume: ${file}: ${reason}${reason.includes("--resume") ? "" : "; delete it or run without --resume"}`);
    },
    settle(result) {
      const resumable = result.result === "incomplete" && (result.limitHit === "interrupted" || result.limitHit === "time");
      if (!resumable) removeFile(file, `the checkpoint ${file}`);
    },
  };
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Test hook for the kill -9 suite: CONSENSUS_CHECK_KILL_AFTER_CHECKPOINTS=N makes the process
 * SIGKILL itself right after its N-th checkpoint is on disk, the one moment an outside killer
 * cannot hit reliably on a model explored in a tenth of a second.
 */
let saves = 0;
function afterSave(): void {
  const after = Number(process.env.CONSENSUS_CHECK_KILL_AFTER_CHECKPOINTS);
  if (Number.isInteger(after) && after > 0 && ++saves >= after) process.kill(process.pid, "SIGKILL");
}
