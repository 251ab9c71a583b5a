import cliProgress from "cli-progress";
import type { Progress } from "../explorer/index.ts";

export interface ProgressReporter {
  update(progress: Progress): void;
  stop(): void;
}

/**
 * Progress on stderr: a bar with states/s, depth, queue and ETA while a TTY watches, nothing
 * otherwise (CI logs stay clean) or with --quiet. The bar's total is the expected number of
 * states (the manifest's pin or --max-states), so the ETA is real, not a guess.
 */
export function progressReporter(label: string, expectedStates: number | undefined, quiet: boolean): ProgressReporter {
  if (quiet || !process.stderr.isTTY) return { update: () => undefined, stop: () => undefined };
  const known = expectedStates !== undefined && expectedStates > 0;
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: known
        ? `${label} [{bar}] {percentage}% | {value} states | {rate} states/s | depth {depth} | queue {queue} | ETA {eta_formatted}`
        : `${label} {value} states | {rate} states/s | depth {depth} | queue {queue} | {duration_formatted}`,
      hideCursor: true,
      clearOnComplete: true,
      etaBuffer: 20,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(known ? expectedStates : 0, 0, { rate: 0, depth: 0, queue: 0 });
  return {
    update(progress) {
      if (known && progress.states > expectedStates) bar.setTotal(progress.states);
      bar.update(progress.states, { rate: Math.round(progress.statesPerSecond).toLocaleString("en-US"), depth: progress.depth, queue: progress.queue });
    },
    stop() {
      bar.stop();
    },
  };
}
