import { z } from "zod";
import { InputError, parseInput } from "../spec/common/input-error.ts";
import { MAX_SEED } from "./prng.ts";

/**
 * What a run of the explorer may be asked, validated at the edge (CLI flags and API calls
 * alike). Callbacks (`signal`, `onProgress`) ride beside the parsed figures.
 */
export const exploreSettingsSchema = z
  .object({
    strategy: z.enum(["bfs", "dfs", "random"]).default("bfs"),
    /** Stop (result "incomplete", limitHit "states") rather than store more distinct states. */
    maxStates: z.number().int().positive().optional(),
    /** BFS/DFS: do not expand states at this depth. Random walk: the length of one walk (default 1000). */
    maxDepth: z.number().int().nonnegative().optional(),
    timeSeconds: z.number().positive().optional(),
    /** Stop (limitHit "memory") once the process's resident set exceeds this many MiB. */
    maxMemoryMB: z.number().positive().optional(),
    /** Store 64-bit fingerprints instead of encodings (see visited/fingerprint-store.ts). */
    fingerprint: z.boolean().default(false),
    /** Keep exploring after a violation, counting violating states per property. */
    stopAtFirstViolation: z.boolean().default(true),
    /** Store one state per symmetry orbit (the system must define `symmetry`). */
    symmetry: z.boolean().default(false),
    checkInvariants: z.boolean().default(true),
    /** Random walk: how many walks (each from an initial state). */
    walks: z.number().int().positive().default(1000),
    /** The seed every random choice flows from; random walk picks and prints one if absent. 32 bits, as a Schedule's. */
    seed: z.number().int().min(0).max(MAX_SEED).optional(),
    progressEveryMs: z.number().nonnegative().default(1000),
    /** Written into the Result and the counterexample Schedule. */
    model: z.string().min(1).default("unnamed"),
    config: z.record(z.string(), z.unknown()).default({}),
  })
  .strict();

export type ExploreSettings = z.infer<typeof exploreSettingsSchema>;

export interface Progress {
  states: number;
  transitions: number;
  depth: number;
  /** States discovered but not yet expanded (BFS frontier, DFS stack). */
  queue: number;
  seconds: number;
  statesPerSecond: number;
  /** Seconds until `maxStates` at the current rate, when a state limit is set. */
  etaSeconds?: number;
}

/**
 * Periodic checkpoints (TLC's `-checkpoint`, SPIN has none): the whole search state at a
 * consistent point, as one byte array, so that a run killed even by SIGKILL can be resumed
 * (`resumeFrom`) and reach exactly the figures of an uninterrupted run. The explorer does no
 * I/O: `save` does (write to a temporary file and rename it, so a kill mid-write keeps the
 * previous checkpoint).
 */
export interface CheckpointHook {
  /**
   * Seconds between two saves, judged at the strategies' poll points (fractions allowed). A
   * run stopped by its time limit or an abort (Ctrl-C) also saves once at the point where it
   * stops. `Infinity`: only that last save. `0`: a save at every poll point, and the
   * strategies then poll after every expansion (BFS parent, DFS or random-walk step) — for
   * tests that resume from every possible point; far too slow for real runs.
   */
  everySeconds: number;
  /**
   * Called synchronously with a fresh array the callee may keep; the search waits for it. If it
   * throws (a full disk), the run ends "incomplete" with limitHit "error" and the message.
   */
  save(bytes: Uint8Array): void;
  /**
   * Opaque to the explorer, stored in the checkpoint and compared on resume (the CLI passes a
   * hash of its code): a checkpoint of other code is refused. Resuming compares it with this
   * run's `checkpoint.identity`, none when the run passes no `checkpoint`.
   */
  identity?: string;
}

export interface ExploreHooks {
  /** Aborting ends the run with result "incomplete", limitHit "interrupted" (Ctrl-C). */
  signal?: AbortSignal;
  onProgress?: (progress: Progress) => void;
  checkpoint?: CheckpointHook;
  /**
   * A checkpoint saved by `checkpoint.save`: the run continues from it instead of starting
   * over. It must be of the same model, config, identity, strategy and space settings
   * (`maxStates`, `maxDepth`, `fingerprint`, `symmetry`, `checkInvariants`,
   * `stopAtFirstViolation`, `walks`, `seed`; an absent seed takes the checkpoint's), else an
   * InputError names the first difference. Time and memory limits may change; `seconds` and
   * the time limit count the time of the runs before too (up to their last checkpoint).
   */
  resumeFrom?: Uint8Array;
}

export type ExploreOptions = z.input<typeof exploreSettingsSchema> & ExploreHooks;

export function parseExploreOptions(options: ExploreOptions): { settings: ExploreSettings; hooks: ExploreHooks } {
  const { signal, onProgress, checkpoint, resumeFrom, ...rest } = options;
  if (checkpoint !== undefined) {
    if (typeof checkpoint.everySeconds !== "number" || !(checkpoint.everySeconds >= 0)) {
      throw new InputError("explore options checkpoint.everySeconds: expected a number of seconds >= 0 (Infinity: only when stopped)");
    }
    if (typeof checkpoint.save !== "function") throw new InputError("explore options checkpoint.save: expected a function");
    if (checkpoint.identity !== undefined && typeof checkpoint.identity !== "string") throw new InputError("explore options checkpoint.identity: expected a string");
  }
  if (resumeFrom !== undefined && !(resumeFrom instanceof Uint8Array)) throw new InputError("explore options resumeFrom: expected the bytes of a checkpoint");
  return { settings: parseInput(exploreSettingsSchema, rest, "explore options"), hooks: { signal, onProgress, checkpoint, resumeFrom } };
}
