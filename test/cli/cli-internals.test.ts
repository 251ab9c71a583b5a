import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { isAlive, removeStaleTemporaries, writeFileAtomic, writeFilesAtomic } from "../../cli/atomic-write.ts";
import { ignoreClosedPipes } from "../../cli/closed-pipes.ts";
import { OutputError, describeFsError } from "../../cli/output-error.ts";
import { withReportsLock } from "../../cli/reports-lock.ts";
import { runCli } from "./run-cli.ts";

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "cc-internals-"));
}

/** A pid that surely belongs to no process: one that just exited. */
function deadPid(): number {
  return Number(spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" }).stdout);
}

afterEach(() => vi.restoreAllMocks());

describe("the reports folder lock", () => {
  it("takes over a lock whose owner is dead, and one left empty for seconds", async () => {
    const folder = tempDir();
    writeFileSync(join(folder, ".lock"), String(deadPid()));
    expect(await withReportsLock(folder, () => "written")).toBe("written");
    expect(existsSync(join(folder, ".lock"))).toBe(false);
    writeFileSync(join(folder, ".lock"), "");
    const old = new Date(Date.now() - 10_000);
    utimesSync(join(folder, ".lock"), old, old);
    expect(await withReportsLock(folder, () => "again")).toBe("again");
  });

  it("waits while a live process holds it, and gives up with one line naming the owner", async () => {
    const folder = tempDir();
    writeFileSync(join(folder, ".lock"), String(process.ppid));
    await expect(withReportsLock(folder, () => "never", 100)).rejects.toThrow(new RegExp(`is locked by process ${process.ppid} for over 0.1 s; if no consensus-check runs, remove .*\\.lock`));
    setTimeout(() => writeFileSync(join(folder, ".lock"), String(deadPid())), 50);
    expect(await withReportsLock(folder, () => "after", 5_000)).toBe("after");
  });

  it("removes the temporary files of writers killed mid-write, and keeps those of live ones", () => {
    const folder = tempDir();
    const dead = `.index.json.${deadPid()}.0123abcd.tmp`;
    const live = `.index.json.${process.pid}.0123abcd.tmp`;
    writeFileSync(join(folder, dead), "half");
    writeFileSync(join(folder, live), "in progress");
    removeStaleTemporaries(folder);
    expect(readdirSync(folder).sort()).toEqual([live]);
    removeStaleTemporaries(join(folder, "missing"));
    expect(isAlive(process.pid)).toBe(true);
  });
});

describe("atomic writes", () => {
  it("replace a file whole and leave no temporary file", () => {
    const folder = tempDir();
    writeFileAtomic(join(folder, "a.txt"), "one");
    writeFileAtomic(join(folder, "a.txt"), new Uint8Array([116, 119, 111]));
    expect(readFileSync(join(folder, "a.txt"), "utf8")).toBe("two");
    expect(readdirSync(folder)).toEqual(["a.txt"]);
  });

  it("write into a device instead of renaming over it", () => {
    writeFileAtomic("/dev/null", "discarded");
    expect(readFileSync("/dev/null", "utf8")).toBe("");
  });

  it("a set with one file that cannot be written changes none of the others", () => {
    const folder = tempDir();
    writeFileSync(join(folder, "kept.txt"), "old");
    expect(() =>
      writeFilesAtomic([
        { path: join(folder, "kept.txt"), data: "new" },
        { path: join(folder, "missing", "x.txt"), data: "x" },
      ]),
    ).toThrow(OutputError);
    expect(readFileSync(join(folder, "kept.txt"), "utf8")).toBe("old");
    expect(readdirSync(folder)).toEqual(["kept.txt"]);
  });

  it("a rename that fails is an OutputError naming the file", () => {
    const folder = tempDir();
    // A folder where the file should go: rename(2) of a file over a folder fails.
    const target = join(folder, "taken");
    spawnSync("mkdir", [target, join(target, "inside")]);
    expect(() => writeFileAtomic(target, "x")).toThrow(/cannot write .*taken: EISDIR|cannot write .*taken: ENOTEMPTY|cannot write .*taken: EEXIST/);
  });

  it("fs errors are described by code, other errors by their first line", () => {
    expect(describeFsError(Object.assign(new Error("x"), { code: "ENOSPC" }))).toBe("ENOSPC (no space left on the device)");
    expect(describeFsError(Object.assign(new Error("x"), { code: "EWHATEVER" }))).toBe("EWHATEVER");
    expect(describeFsError(new Error("first\nsecond"))).toBe("first");
    expect(describeFsError("text")).toBe("text");
  });
});

describe("closed standard streams", () => {
  it("an EPIPE on stdout is dropped; any other stream error sets exit code 1", () => {
    ignoreClosedPipes();
    ignoreClosedPipes();
    const before = process.exitCode;
    try {
      expect(() => process.stdout.emit("error", Object.assign(new Error("write EPIPE"), { code: "EPIPE" }))).not.toThrow();
      expect(process.exitCode).toBe(before);
      process.stderr.emit("error", Object.assign(new Error("write EIO"), { code: "EIO" }));
      expect(process.exitCode).toBe(1);
    } finally {
      process.exitCode = before;
    }
  });
});

describe("a bug of ours", () => {
  it("is one line and exit 5, with the stack only under CONSENSUS_CHECK_DEBUG", async () => {
    vi.spyOn(Date.prototype, "toISOString").mockImplementation(() => {
      throw new Error("clock broke\nsecond line");
    });
    const run = await runCli("check", "pbft/n3_f1", "--reports", tempDir(), "--quiet", "--no-checkpoint");
    expect(run.code).toBe(5);
    expect(run.stderr).toBe("consensus-check: internal error: clock broke second line (a bug: please report it; CONSENSUS_CHECK_DEBUG=1 prints the stack)\n");
    vi.stubEnv("CONSENSUS_CHECK_DEBUG", "1");
    try {
      const debug = await runCli("check", "pbft/n3_f1", "--reports", tempDir(), "--quiet", "--no-checkpoint");
      expect(debug.code).toBe(5);
      expect(debug.stderr).toMatch(/Error: clock broke\n[\s\S]*\n\s+at /);
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
