/**
 * Ctrl-C stops the exploration, not the process: the explorer sees the abort, returns
 * "incomplete" with its partial figures, and the reports are still written. A second
 * Ctrl-C exits at once.
 */
export function abortOnInterrupt(): { signal: AbortSignal; dispose: () => void } {
  const controller = new AbortController();
  const onInterrupt = (): void => {
    if (controller.signal.aborted) process.exit(130);
    process.stderr.write("\ninterrupted: finishing the partial report (Ctrl-C again to quit at once)\n");
    controller.abort();
  };
  process.on("SIGINT", onInterrupt);
  return { signal: controller.signal, dispose: () => process.off("SIGINT", onInterrupt) };
}
