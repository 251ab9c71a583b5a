import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { INDEX_VERSION, reportsIndexSchema } from "../../cli/reports-index.ts";
import { findModel } from "../../models/registry.ts";
import { runCli } from "./run-cli.ts";

/**
 * One index for the folder: a run of one model replaces its own row in index.json,
 * index.html and junit.xml and leaves the other models' rows and files as they were, each
 * row dated; no file in the folder disagrees with another.
 */
function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "cc-folder-"));
}

function indexOf(folder: string) {
  return reportsIndexSchema.parse(JSON.parse(readFileSync(join(folder, "index.json"), "utf8")));
}

describe("the reports folder keeps one index of every model", () => {
  it("checking one model after another keeps both rows, in registry order, each with its own date", async () => {
    const reports = tempDir();
    await runCli("check", "bench/pbft_n4f1_mutant", "--reports", reports, "--quiet");
    const first = indexOf(reports).reports[0]!;
    await runCli("check", "pbft/n3_f1", "--reports", reports, "--quiet");
    const index = indexOf(reports);
    expect(index.reports.map((row) => row.result.model)).toEqual(["pbft/n3_f1", "bench/pbft_n4f1_mutant"]);
    expect(index.reports[1]).toEqual(first);
    expect(index.reports[0]!.ranAt! >= first.ranAt!).toBe(true);
    const html = readFileSync(join(reports, "index.html"), "utf8");
    expect(html).toContain(">pbft/n3_f1</a>");
    expect(html).toContain(">bench/pbft_n4f1_mutant</a>");
    expect(html).toContain(first.ranAt!);
    expect(readFileSync(join(reports, "junit.xml"), "utf8").match(/<testcase /g)).toHaveLength(2);
    // Each row agrees with its model's own Result file.
    for (const row of index.reports) {
      expect(JSON.parse(readFileSync(join(reports, `${row.result.model.replace("/", "-")}.json`), "utf8"))).toEqual(row.result);
    }
  });

  it("a run without a counterexample removes the model's stale schedule file", async () => {
    const reports = tempDir();
    await runCli("check", "bench/pbft_n4f1_mutant", "--reports", reports, "--quiet");
    expect(existsSync(join(reports, "bench-pbft_n4f1_mutant.schedule.json"))).toBe(true);
    // Cut short before the violation: no counterexample any more.
    await runCli("check", "bench/pbft_n4f1_mutant", "--reports", reports, "--quiet", "--max-states", "10");
    expect(existsSync(join(reports, "bench-pbft_n4f1_mutant.schedule.json"))).toBe(false);
    expect(indexOf(reports).reports[0]!.result).toMatchObject({ result: "incomplete", limitHit: "states" });
  });

  it("explore --reports records its run in the same index", async () => {
    const reports = tempDir();
    await runCli("check", "pbft/n3_f1", "--reports", reports, "--quiet");
    await runCli("explore", "bench/pbft_n4f1_mutant", "--strategy", "dfs", "--max-depth", "8", "--reports", reports, "--quiet");
    expect(indexOf(reports).reports.map((row) => [row.result.model, row.result.strategy])).toEqual([
      ["pbft/n3_f1", "bfs"],
      ["bench/pbft_n4f1_mutant", "dfs"],
    ]);
  });

  it("each row carries what its model's check covers, and index.json round-trips it", async () => {
    const reports = tempDir();
    await runCli("check", "pbft/n3_f1", "--reports", reports, "--quiet");
    await runCli("check", "paxos/p2_a2_lossy", "--reports", reports, "--quiet");
    const index = indexOf(reports);
    for (const row of index.reports) {
      const model = findModel(row.result.model);
      expect(row.covers).toEqual(model.covers(model.config));
    }
    expect(reportsIndexSchema.parse(JSON.parse(JSON.stringify(index)))).toEqual(index);
    expect(readFileSync(join(reports, "paxos-p2_a2_lossy.md"), "utf8")).toContain("## What this pass covers");
    expect(readFileSync(join(reports, "pbft-n3_f1.md"), "utf8")).toContain("## Configuration");
    const html = readFileSync(join(reports, "index.html"), "utf8");
    expect(html.match(/<dl class="covers">/g)).toHaveLength(2);
    expect(readFileSync(join(reports, "junit.xml"), "utf8").match(/^covers bounds: /gm)!.length).toBe(index.reports.reduce((sum, row) => sum + row.covers.bounds.length, 0));
  });

  it("an index.json of version 1, whose rows do not say what they cover, is replaced with a warning", async () => {
    const reports = tempDir();
    writeFileSync(join(reports, "index.json"), JSON.stringify({ version: 1, reports: [] }));
    const run = await runCli("check", "pbft/n3_f1", "--reports", reports, "--quiet");
    expect(run.stderr).toMatch(/warning: .*index\.json was not a readable index of this version; starting a new one/);
    expect(indexOf(reports).version).toBe(INDEX_VERSION);
  });

  it("an index.json that is not ours is replaced, with a warning", async () => {
    const reports = tempDir();
    writeFileSync(join(reports, "index.json"), '{"version": 99}');
    const run = await runCli("check", "pbft/n3_f1", "--reports", reports, "--quiet");
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/warning: .*index\.json was not a readable index of this version; starting a new one/);
    expect(indexOf(reports).reports.map((row) => row.result.model)).toEqual(["pbft/n3_f1"]);
  });
});
