import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BIN, ROOT, fileExists, startCli, waitFor } from "./cli-process.ts";
import { expectOneLineError, runCli } from "./run-cli.ts";

/**
 * Outputs that fail: a full disk (a real one: a tiny tmpfs, where the machine lets us mount
 * it; /dev/full otherwise), a folder that disappears mid-run, a folder the user cannot write.
 * Each ends with one line naming the file and the cause, exit 4 after the run started (exit 2
 * when the path is wrong before it), and what reports/ held before stays whole and unmixed.
 */
function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "cc-faults-"));
}

function snapshot(folder: string): Record<string, string> {
  return Object.fromEntries(readdirSync(folder).filter((name) => !name.startsWith(".")).map((name) => [name, readFileSync(join(folder, name), "utf8")]));
}

describe("a full disk", () => {
  it("report --out /dev/full: one line naming ENOSPC, exit 4 (the device stays a device)", async () => {
    const reports = tempDir();
    await runCli("check", "pbft/n3_f1", "--reports", reports, "--quiet");
    const run = await runCli("report", join(reports, "pbft-n3_f1.json"), "--out", "/dev/full");
    expect(run.code).toBe(4);
    expect(run.stderr).toMatch(/^consensus-check: cannot write \/dev\/full: ENOSPC \(no space left on the device\)\n$/);
  });

  // A real file system that fills up: a 1 MiB tmpfs, where mounting is allowed (root in CI).
  const mountPoint = mkdtempSync(join(tmpdir(), "cc-tmpfs-"));
  const mounted = spawnSync("mount", ["-t", "tmpfs", "-o", "size=1m", "tmpfs", mountPoint]).status === 0;
  afterAll(() => {
    if (mounted) spawnSync("umount", [mountPoint]);
  });

  it.runIf(mounted)("check on a full tmpfs: exit 4, one line, the previous reports intact and no temporary file left", async () => {
    const reports = join(mountPoint, "reports");
    expect((await runCli("check", "pbft/n3_f1", "--reports", reports, "--quiet")).code).toBe(0);
    const before = snapshot(reports);
    // Fill the disk to the last page, then free two pages: enough for the lock and a file or
    // two of a new model, not for its whole report.
    const filler = join(mountPoint, "filler");
    const spare = join(mountPoint, "spare");
    writeFileSync(spare, Buffer.alloc(8192));
    try {
      writeFileSync(filler, Buffer.alloc(2 * 1024 * 1024));
    } catch {
      // ENOSPC: what fitted stays, the disk is full
    }
    rmSync(spare);
    const run = await runCli("check", "pbft/n4_f2", "--reports", reports, "--quiet", "--no-checkpoint");
    expect(run.code).toBe(4);
    expect(run.stderr.trim().split("\n").at(-1)).toMatch(/^consensus-check: cannot write .*reports\/.*: ENOSPC \(no space left on the device\)$/);
    expect(snapshot(reports)).toEqual(before);
    expect(readdirSync(reports).filter((name) => name.endsWith(".tmp") || name === ".lock")).toEqual([]);
    rmSync(filler);
    expect((await runCli("check", "pbft/n3_f1", "--reports", reports, "--quiet")).code).toBe(0);
  });
});

describe("a reports folder that goes away mid-run", () => {
  it("the folder replaced by a file while the model runs: exit 4, one line, no stack trace", async () => {
    const parent = tempDir();
    const reports = join(parent, "reports");
    const run = startCli(["check", "bench/pbft_n4f1", "--reports", reports, "--checkpoint-every", "0.05", "--checkpoint-dir", join(parent, "checkpoints"), "--quiet"]);
    await waitFor(fileExists(join(parent, "checkpoints", "bench-pbft_n4f1.bfs.ckpt")), "the first checkpoint");
    rmSync(reports, { recursive: true });
    writeFileSync(reports, "not a folder");
    const exited = await run.exited;
    expect(exited.code).toBe(4);
    expect(exited.stderr).toMatch(/^consensus-check: cannot (write|lock) .*reports.*: ENOTDIR \(a part of the path is not a folder\)\n$/);
  });
});

describe("a folder the user cannot write", () => {
  // Root writes anywhere; the CLI then runs as `nobody` through setpriv, where it is there.
  const asRoot = process.getuid?.() === 0;
  const setpriv = spawnSync("setpriv", ["--version"]).status === 0;
  const asNobody = ["--reuid=65534", "--regid=65534", "--clear-groups"];
  // A checkout in a folder only root may enter (mktemp -d makes one) cannot be run as nobody at all.
  const nobodyCanRun = asRoot && setpriv && spawnSync("setpriv", [...asNobody, process.execPath, "-e", "require('node:fs').accessSync(process.argv[1])", BIN]).status === 0;
  const locked = tempDir();
  beforeAll(() => {
    chmodSync(locked, 0o555);
  });

  it.runIf(nobodyCanRun)("--reports in a read-only folder is refused before the run: exit 2, one line", () => {
    const run = spawnSync("setpriv", [...asNobody, process.execPath, BIN, "check", "pbft/n3_f1", "--reports", locked, "--quiet"], {
      cwd: ROOT,
      encoding: "utf8",
      env: { ...process.env, HOME: tmpdir() },
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^consensus-check: --reports: cannot write in .*: EACCES \(permission denied\); give a folder you can write\n$/);
  });

  it("paths that cannot be folders or files are refused before the run, one line each", async () => {
    const dir = tempDir();
    const file = join(dir, "file");
    writeFileSync(file, "x");
    expectOneLineError(await runCli("check", "pbft/n3_f1", "--reports", join(file, "sub")), /--reports: .*file\/sub: .*file is not a folder but a file; give a folder path/);
    expectOneLineError(await runCli("report", file, "--out", dir), /--out: .* is a folder; give a file path/);
    expectOneLineError(await runCli("report", file, "--out", join(dir, "missing", "x.md")), /--out: the folder .*missing does not exist/);
    expectOneLineError(await runCli("explore", "pbft/n3_f1", "--checkpoint-dir", file), /--checkpoint-dir: .* exists and is not a folder/);
    mkdirSync(join(dir, "ok"));
    expect(existsSync(join(dir, "ok"))).toBe(true);
  });
});

describe("two checks writing one reports folder at once", () => {
  it("every model's row is in the index, every file parses, no lock or temporary file is left", async () => {
    const reports = tempDir();
    // Small models (each finishes within a second), so that the five writes overlap.
    const models = ["links/retransmit", "bench/pbft_n4f1_mutant", "view-change/n4_f1_weak_view_change_quorum", "pbft/n3_f1_q2f1", "pbft/n3_f1_q2f1"];
    const runs = models.map((model) => startCli(["check", model, "--reports", reports, "--quiet"]));
    const exits = await Promise.all(runs.map((run) => run.exited));
    expect(exits.map((exit) => exit.code)).toEqual(models.map(() => 0));
    const index = JSON.parse(readFileSync(join(reports, "index.json"), "utf8")) as { reports: { result: { model: string } }[] };
    expect(index.reports.map((row) => row.result.model).sort()).toEqual([...new Set(models)].sort());
    const junit = readFileSync(join(reports, "junit.xml"), "utf8");
    expect(junit.match(/<testcase /g)).toHaveLength(4);
    for (const model of new Set(models)) {
      const stem = model.replace("/", "-");
      expect(JSON.parse(readFileSync(join(reports, `${stem}.json`), "utf8")).model).toBe(model);
      expect(readFileSync(join(reports, "index.html"), "utf8")).toContain(`>${model}</a>`);
    }
    expect(readdirSync(reports).filter((name) => name.endsWith(".tmp") || name === ".lock")).toEqual([]);
    expect(execFileSync("ls", ["-a", reports], { encoding: "utf8" })).not.toContain(".lock");
  });
});
