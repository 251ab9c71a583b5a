import { existsSync, mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { resultSchema } from "../../explorer/result.ts";
import { reportsIndexSchema } from "../../cli/reports-index.ts";
import { fileExists, hasStackTrace, startCli, startProcess, waitFor, type RunningCli } from "./cli-process.ts";

/**
 * SIGINT (a terminal's Ctrl-C, sent to the whole process group), SIGINT or SIGTERM sent to the
 * top process alone, and the top process dying: whether the CLI was started by `node bin/…`,
 * `npx` or `npm start`, the run ends with its partial report and the top process exits 3.
 * Each run waits for the first checkpoint file, the sign that the exploration is under way.
 */
type Delivery = "terminal Ctrl-C" | "SIGINT to the top process" | "SIGTERM to the top process";

function deliver(run: RunningCli, how: Delivery): void {
  const pid = run.child.pid!;
  if (how === "terminal Ctrl-C") process.kill(-pid, "SIGINT");
  else process.kill(pid, how.startsWith("SIGINT") ? "SIGINT" : "SIGTERM");
}

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "cc-signals-"));
}

const ORACLE = "bench/pbft_n4f1";
const FAST_CHECKPOINTS = ["--checkpoint-every", "0.05", "--quiet"];

function expectPartialReport(reports: string, stem: string, model: string): void {
  const result = resultSchema.parse(JSON.parse(readFileSync(join(reports, `${stem}.json`), "utf8")));
  expect(result).toMatchObject({ model, result: "incomplete", limitHit: "interrupted" });
  expect(result.distinctStates).toBeGreaterThan(0);
  const index = reportsIndexSchema.parse(JSON.parse(readFileSync(join(reports, "index.json"), "utf8")));
  expect(index.reports.find((row) => row.result.model === model)?.result).toEqual(result);
  expect(readFileSync(join(reports, "index.html"), "utf8")).toContain(model);
  // The checkpoint stays for --resume.
  expect(existsSync(join(reports, ".checkpoints", `${stem}.bfs.ckpt`))).toBe(true);
}

const launchers: { name: string; start: (reports: string) => RunningCli; model: string; stem: string }[] = [
  { name: "node bin/consensus-check.mjs", model: ORACLE, stem: "bench-pbft_n4f1", start: (reports) => startCli(["check", ORACLE, "--reports", reports, ...FAST_CHECKPOINTS]) },
  {
    name: "npx consensus-check",
    model: ORACLE,
    stem: "bench-pbft_n4f1",
    start: (reports) => startProcess("npx", ["--no-install", "consensus-check", "check", ORACLE, "--reports", reports, ...FAST_CHECKPOINTS]),
  },
  // `npm start` checks every model (--profile full); the first, pbft/n4_f1, runs for seconds.
  { name: "npm start", model: "pbft/n4_f1", stem: "pbft-n4_f1", start: (reports) => startProcess("npm", ["start", "--", "--reports", reports, ...FAST_CHECKPOINTS]) },
];

describe.each(launchers)("started by $name", ({ start, model, stem }) => {
  it.each<Delivery>(["terminal Ctrl-C", "SIGINT to the top process", "SIGTERM to the top process"])("%s ends the run with its partial report and exit 3", async (how) => {
    const reports = tempDir();
    const run = start(reports);
    await waitFor(fileExists(join(reports, ".checkpoints", `${stem}.bfs.ckpt`)), "the first checkpoint");
    deliver(run, how);
    const exited = await run.exited;
    expect(exited.signal).toBeNull();
    expect(exited.code).toBe(3);
    expect(exited.stderr).toMatch(/SIG(INT|TERM) received: finishing the partial report/);
    expect(hasStackTrace(exited.stderr)).toBe(false);
    expectPartialReport(reports, stem, model);
  });
});

describe("the process that started the CLI dies", () => {
  it("npx killed with SIGKILL: the orphaned run stops, writes its partial report and leaves no process behind", async () => {
    const reports = tempDir();
    const run = startProcess("npx", ["--no-install", "consensus-check", "check", ORACLE, "--reports", reports, ...FAST_CHECKPOINTS]);
    await waitFor(fileExists(join(reports, ".checkpoints", "bench-pbft_n4f1.bfs.ckpt")), "the first checkpoint");
    process.kill(run.child.pid!, "SIGKILL");
    await run.exited;
    await waitFor(fileExists(join(reports, "bench-pbft_n4f1.json")), "the partial report of the orphaned run", 20_000);
    expectPartialReport(reports, "bench-pbft_n4f1", ORACLE);
    // Nothing of this run is left: no process with its reports folder on the command line.
    await waitFor(() => !processesMentioning(reports), "the orphan to exit", 10_000);
  });
});

function processesMentioning(text: string): boolean {
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/cmdline`, "utf8").includes(text)) return true;
    } catch {
      // gone meanwhile
    }
  }
  return false;
}
