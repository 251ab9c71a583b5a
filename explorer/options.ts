import { z } from "zod";
import { parseInput } from "../spec/common/input-error.ts";

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
    /** The seed every random choice flows from; random walk picks and prints one if absent. */
    seed: z.number().int().optional(),
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

export interface ExploreHooks {
  /** Aborting ends the run with result "incomplete", limitHit "interrupted" (Ctrl-C). */
  signal?: AbortSignal;
  onProgress?: (progress: Progress) => void;
}

export type ExploreOptions = z.input<typeof exploreSettingsSchema> & ExploreHooks;

export function parseExploreOptions(options: ExploreOptions): { settings: ExploreSettings; hooks: ExploreHooks } {
  const { signal, onProgress, ...rest } = options;
  return { settings: parseInput(exploreSettingsSchema, rest, "explore options"), hooks: { signal, onProgress } };
}
