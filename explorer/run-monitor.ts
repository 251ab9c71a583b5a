import type { LimitKind } from "./result.ts";
import type { ExploreHooks, ExploreSettings, Progress } from "./options.ts";

/** Figures a strategy keeps while it runs; the monitor reads them to judge limits and progress. */
export interface Counters {
  states: number;
  transitions: number;
  depth: number;
  queue: number;
}

/**
 * The clock-facing edge of a run: time and memory limits, abort signal, progress events, and yielding to
 * the event loop so that a Ctrl-C handler can abort a long synchronous search. Strategies call
 * `poll` every few hundred expansions; everything else on the hot path is plain counting.
 */
export class RunMonitor {
  private readonly started = performance.now();
  private lastProgress = this.started;
  private lastYield = this.started;
  /** Expansions between two polls: every one when checkpoints are asked at every poll point. */
  readonly pollEvery: number;

  /** `secondsBefore`: the time the runs this one resumes spent (from the checkpoint). */
  constructor(
    private readonly settings: ExploreSettings,
    private readonly hooks: ExploreHooks,
    private readonly secondsBefore = 0,
  ) {
    this.pollEvery = hooks.checkpoint?.everySeconds === 0 ? 1 : POLL_EVERY;
  }

  /** Seconds spent exploring, including the runs this one resumes. */
  seconds(): number {
    return this.secondsBefore + (performance.now() - this.started) / 1000;
  }

  /** The limit that ends the run now, if any (states and depth are judged by the strategy). */
  poll(counters: Counters): LimitKind | undefined {
    if (this.hooks.signal?.aborted) return "interrupted";
    const now = performance.now();
    if (this.settings.timeSeconds !== undefined && this.secondsBefore * 1000 + now - this.started >= this.settings.timeSeconds * 1000) return "time";
    if (this.settings.maxMemoryMB !== undefined && process.memoryUsage.rss() > this.settings.maxMemoryMB * 2 ** 20) return "memory";
    if (this.hooks.onProgress && now - this.lastProgress >= this.settings.progressEveryMs) {
      this.lastProgress = now;
      this.hooks.onProgress(this.progress(counters, now));
      if (this.hooks.signal?.aborted) return "interrupted";
    }
    return undefined;
  }

  /** True when the caller should `await yieldToEventLoop()` (only when someone can abort). */
  yieldDue(): boolean {
    if (this.hooks.signal === undefined) return false;
    const now = performance.now();
    if (now - this.lastYield < 50) return false;
    this.lastYield = now;
    return true;
  }

  private progress(counters: Counters, now: number): Progress {
    const seconds = this.secondsBefore + (now - this.started) / 1000;
    const statesPerSecond = seconds > 0 ? counters.states / seconds : 0;
    const progress: Progress = { ...counters, seconds, statesPerSecond };
    const { maxStates } = this.settings;
    if (maxStates !== undefined && statesPerSecond > 0) progress.etaSeconds = Math.max(0, maxStates - counters.states) / statesPerSecond;
    return progress;
  }
}

export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Expansions between two polls of the clock. */
export const POLL_EVERY = 256;
