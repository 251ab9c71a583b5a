import { afterEach, describe, expect, it, vi } from "vitest";
import { caughtSignals, stopOnSignals } from "../../cli/interrupt.ts";

/**
 * The signal rules of a run, in-process: the first SIGINT, SIGTERM or SIGHUP aborts the run; a
 * copy within 300 ms (npm forwards the Ctrl-C the terminal already sent) is the same request; a
 * later one exits at once with 128 + its number; the parent's death aborts like a SIGTERM.
 */
describe("stopOnSignals", () => {
  const stdinIsTTY = process.stdin.isTTY;
  afterEach(() => {
    Object.defineProperty(process.stdin, "isTTY", { value: stdinIsTTY, configurable: true });
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

  function onTerminal(): void {
    Object.defineProperty(process.stdin, "isTTY", { value: true, configurable: true });
  }

  it.each([
    ["SIGINT", 130],
    ["SIGTERM", 143],
    ["SIGHUP", 129],
  ] as const)("%s: the first aborts the run, a copy within 300 ms is ignored, a later one exits %i at once", (signal, code) => {
    vi.useFakeTimers();
    onTerminal();
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

  it("npm's death (a new parent pid while npm_command is set) aborts the run", () => {
    vi.useFakeTimers();
    vi.stubEnv("npm_command", "exec");
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
      expect(stderr.join("")).toContain("npm, which started this run, ended: finishing the partial report");
    } finally {
      stop.dispose();
      vi.unstubAllEnvs();
    }
  });

  it("a run not started by npm ignores its parent's death (setsid … & from a shell that exits)", () => {
    vi.useFakeTimers();
    vi.stubEnv("npm_command", undefined as unknown as string);
    delete process.env.npm_command;
    quietly();
    const ppid = vi.spyOn(process, "ppid", "get").mockReturnValue(4242);
    const stop = stopOnSignals();
    try {
      ppid.mockReturnValue(1);
      vi.advanceTimersByTime(2_000);
      expect(stop.stopped).toBe(false);
    } finally {
      stop.dispose();
      vi.unstubAllEnvs();
    }
  });

  it("SIGHUP is caught only while stdin is a terminal, so nohup keeps its effect", () => {
    Object.defineProperty(process.stdin, "isTTY", { value: undefined, configurable: true });
    expect(caughtSignals()).toEqual(["SIGINT", "SIGTERM"]);
    onTerminal();
    expect(caughtSignals()).toEqual(["SIGINT", "SIGTERM", "SIGHUP"]);
  });

  it("dispose removes the handlers: a later signal is no longer ours", () => {
    const before = process.listenerCount("SIGTERM");
    const stop = stopOnSignals();
    expect(process.listenerCount("SIGTERM")).toBe(before + 1);
    stop.dispose();
    expect(process.listenerCount("SIGTERM")).toBe(before);
  });
});
