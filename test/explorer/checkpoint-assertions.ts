import { expect } from "vitest";
import { explore, readCheckpointHeader, type ExploreOptions, type Progress, type Result } from "../../explorer/index.ts";
import type { TransitionSystem } from "../../explorer/transition-system.ts";

/** A Result without its clock readings: what a resumed run must reproduce exactly. */
export function figures(result: Result): Omit<Result, "seconds" | "statesPerSecond"> {
  const { seconds: _seconds, statesPerSecond: _rate, ...rest } = result;
  return rest;
}

/** Runs `system` saving a checkpoint at every poll point (`everySeconds: 0`); returns the Result and the checkpoints. */
export async function exploreSavingEverywhere<S, A>(system: TransitionSystem<S, A>, options: ExploreOptions): Promise<{ result: Result; saves: Uint8Array[] }> {
  const saves: Uint8Array[] = [];
  const result = await explore(system, { ...options, checkpoint: { ...options.checkpoint, everySeconds: 0, save: (bytes) => saves.push(bytes) } });
  return { result, saves };
}

/**
 * The uninterrupted run, the same run saving at every poll point, and a fresh run resumed from
 * each of those checkpoints all report the same figures, verdict and counterexample. Returns
 * how many checkpoints were taken (so a test can pin that every point was covered).
 */
export async function expectResumesEverywhere<S, A>(system: TransitionSystem<S, A>, options: ExploreOptions): Promise<number> {
  const reference = figures(await explore(system, options));
  const { result, saves } = await exploreSavingEverywhere(system, options);
  expect(figures(result)).toEqual(reference);
  for (const [index, bytes] of saves.entries()) {
    const { result: resumed, first } = await resumeWatching(system, options, bytes);
    expect(figures(resumed), `resumed from checkpoint ${index}`).toEqual(reference);
    // It went on from the checkpoint rather than starting over (which would reach the same end).
    const header = readCheckpointHeader(bytes);
    expect(first, `resumed from checkpoint ${index}`).toMatchObject({ states: header.states, transitions: header.counters.transitions });
  }
  return saves.length;
}

/** Resumes from `bytes`, recording the progress reported at the resume point (before any work). */
export async function resumeWatching<S, A>(system: TransitionSystem<S, A>, options: ExploreOptions, bytes: Uint8Array): Promise<{ result: Result; first?: Progress }> {
  let first: Progress | undefined;
  const result = await explore(system, { ...options, resumeFrom: bytes, progressEveryMs: 0, onProgress: (progress) => (first ??= progress) });
  return { result, first };
}

/**
 * Runs until `stopAt` (states, checked at every poll), when an abort makes the run save one
 * last checkpoint, and returns that checkpoint.
 */
export async function checkpointAt<S, A>(system: TransitionSystem<S, A>, options: ExploreOptions, stopAt: number): Promise<{ partial: Result; bytes: Uint8Array }> {
  const controller = new AbortController();
  const saves: Uint8Array[] = [];
  const partial = await explore(system, {
    ...options,
    signal: controller.signal,
    progressEveryMs: 0,
    onProgress: (progress) => {
      if (progress.states >= stopAt) controller.abort();
    },
    checkpoint: { ...options.checkpoint, everySeconds: Number.POSITIVE_INFINITY, save: (bytes) => saves.push(bytes) },
  });
  expect(partial.limitHit).toBe("interrupted");
  expect(saves).toHaveLength(1);
  return { partial, bytes: saves[0] };
}
