import { afterEach, describe, expect, it, vi } from "vitest";
import { stopOnSignals } from "../../cli/interrupt.ts";

/**
 * The signal rules of a run, in-process: the first SIGINT, SIGTERM or SIGHUP aborts the run; a
 * copy within 300 ms (npm forwards the Ctrl-C the terminal already sent) is the same request; a
 * later one exits at once with 128 + its number; the parent's death aborts like a SIGTERM.
 */
describe("stopOnSignals", () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  function quietly(): { exits: number[]; stderr: string[] } {
    const exits: number[] = [];
    const stderr: string[] = [];
    vi.spyOn(process, "exit").mockImplementation(((code: number) => void exits.push(code)) as never);
    vi.spyOn(process.stderr, "write").mockImplementation(((text: string) => (stderr.push(text), true)) as never);
    return { exits, stderr };
  }

  it.each([
    ["SIGINT", 130],
    ["SIGTERM", 143],
    ["SIGHUP", 129],
  ] as const)("%s: the first aborts the run, a copy within 300 ms is ignored, a later one exits %i at once", (signal, code) => {
    vi.useFakeTimers();
    const { exits, stderr } = quietly();
    const stop = stopOnSignals();
    try {
      process.emit(signal);
      expect(stop.signal.aborted).toBe(true);
      expect(stop.stopped).toBe(true);
      expect(stderr.join("")).toContain(`${signal} received: finishing the partial report`);
      vi.advanceTimersByTime(10);
      process.emit(signal);
      expect(exits).toEqual([]);
      vi.advanceTimersByTime(400);
      process.emit(signal);
      expect(exits).toEqual([code]);
    } finally {
      stop.dispose();
    }
  });

  it("the parent's death (a new parent pid) aborts the run", () => {
    vi.useFakeTimers();
    const { stderr } = quietly();
    const parent = process.ppid;
    const ppid = vi.spyOn(process, "ppid", "get").mockReturnValue(parent);
    const stop = stopOnSignals();
    try {
      vi.advanceTimersByTime(1_000);
      expect(stop.stopped).toBe(false);
      ppid.mockReturnValue(1);
      vi.advanceTimersByTime(600);
      expect(stop.stopped).toBe(true);
      expect(stderr.join("")).toContain("the parent process ended: finishing the partial report");
    } finally {
      stop.dispose();
    }
  });

  it("dispose removes the handlers: a later signal is no longer ours", () => {
    const before = process.listenerCount("SIGTERM");
    const stop = stopOnSignals();
    expect(process.listenerCount("SIGTERM")).toBe(before + 1);
    stop.dispose();
    expect(process.listenerCount("SIGTERM")).toBe(before);
  });
});
