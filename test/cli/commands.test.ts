import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { resultSchema } from "../../explorer/result.ts";
import { findModel, models } from "../../models/registry.ts";
import { coversOf } from "../../models/model.ts";
import { coverageLine } from "../../reporting/coverage.ts";
import { htmlText } from "../../reporting/escape/html-text.ts";
import { markdownInline } from "../../reporting/escape/markdown-inline.ts";
import { xmlText } from "../../reporting/escape/xml.ts";
import { passResult } from "../reporting/fixtures.ts";
import { expectOneLineError, runCli } from "./run-cli.ts";

const MUTANT = "bench/pbft_n4f1_mutant";

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "cc-cli-"));
}

describe("check", () => {
  it("finds the mutant's expected 8-step agreement violation, exits 0 and writes its reports", async () => {
    const reports = tempDir();
    const run = await runCli("check", MUTANT, "--json", "--quiet", "--reports", reports);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as { result: string; property: string; counterexample: { steps: unknown[] }; expectation: { outcome: string } };
    expect(result).toMatchObject({ result: "violation", property: "agreement", expectation: { outcome: "as-expected" } });
    expect(result.counterexample.steps).toHaveLength(8);
    for (const file of ["bench-pbft_n4f1_mutant.json", "bench-pbft_n4f1_mutant.md", "bench-pbft_n4f1_mutant.schedule.json", "index.html", "junit.xml"]) {
      expect(existsSync(join(reports, file)), file).toBe(true);
    }
    expect(resultSchema.parse(JSON.parse(readFileSync(join(reports, "bench-pbft_n4f1_mutant.json"), "utf8"))).model).toBe(MUTANT);
  });

  it("prints the summary table with the manifest outcome", async () => {
    const run = await runCli("check", MUTANT, "--quiet", "--reports", tempDir());
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/bench\/pbft_n4f1_mutant\s+violation \(agreement\)\s+yes\s+45,902\s+8/);
  });

  it("exits 3 with the partial figures when a limit cuts the run short", async () => {
    const reports = tempDir();
    const run = await runCli("check", MUTANT, "--max-states", "100", "--json", "--quiet", "--reports", reports);
    expect(run.code).toBe(3);
    const result = JSON.parse(run.stdout) as { result: string; limitHit: string; distinctStates: number };
    expect(result).toMatchObject({ result: "incomplete", limitHit: "states" });
    expect(result.distinctStates).toBeGreaterThan(0);
    expect(existsSync(join(reports, "bench-pbft_n4f1_mutant.md"))).toBe(true);
  });

  it("rejects a call without models, or with both models and --all", async () => {
    expectOneLineError(await runCli("check"), /name at least one model/);
    expectOneLineError(await runCli("check", MUTANT, "--all"), /not both/);
    expectOneLineError(await runCli("check", "pbft/nope"), /unknown model "pbft\/nope"; known models: .*bench\/pbft_n4f1/);
  });
});

describe("explore", () => {
  it("exits 3 with result incomplete and partial figures under --max-states", async () => {
    const run = await runCli("explore", "bench/pbft_n4f1", "--max-states", "1000", "--json", "--quiet");
    expect(run.code).toBe(3);
    const result = resultSchema.parse(JSON.parse(run.stdout));
    expect(result).toMatchObject({ result: "incomplete", limitHit: "states" });
    expect(result.distinctStates).toBeGreaterThanOrEqual(1000);
    expect(result.maxDepth).toBeGreaterThan(0);
  });

  it("finds the mutant's violation by DFS and by a seeded random walk, printing the seed", async () => {
    const dfs = await runCli("explore", MUTANT, "--strategy", "dfs", "--max-depth", "8", "--json", "--quiet");
    expect(dfs.code).toBe(0);
    expect(JSON.parse(dfs.stdout)).toMatchObject({ result: "violation", property: "agreement", strategy: "dfs" });
    const random = await runCli("explore", MUTANT, "--strategy", "random", "--seed", "42", "--json", "--quiet");
    expect(JSON.parse(random.stdout)).toMatchObject({ result: "violation", seed: 42, strategy: "random" });
    const again = await runCli("explore", MUTANT, "--strategy", "random", "--seed", "42", "--json", "--quiet");
    expect(JSON.parse(again.stdout).counterexample).toEqual(JSON.parse(random.stdout).counterexample);
  });

  it("renders the Markdown report without --json", async () => {
    const run = await runCli("explore", MUTANT, "--quiet");
    expect(run.stdout).toContain("## Counterexample (8 steps, shortest)");
  });

  it("names the flag and the fix for bad values", async () => {
    expectOneLineError(await runCli("explore", MUTANT, "--max-states", "abc"), /--max-states: expected a positive whole number, got "abc"/);
    expectOneLineError(await runCli("explore", MUTANT, "--strategy", "sideways"), /--strategy: expected one of bfs, dfs, random/);
    expectOneLineError(await runCli("explore", MUTANT, "--time", "-1"), /--time: expected a number of seconds > 0/);
    expectOneLineError(await runCli("explore", MUTANT, "--seed", "1.5"), /--seed: expected a whole number/);
    expectOneLineError(await runCli("explore", MUTANT, "--bogus"), /unknown option '--bogus'/);
  });
});

describe("replay", () => {
  async function counterexampleFile(): Promise<string> {
    const reports = tempDir();
    await runCli("check", MUTANT, "--quiet", "--reports", reports);
    return join(reports, "bench-pbft_n4f1_mutant.schedule.json");
  }

  it("reproduces the counterexample written by check, step by step", async () => {
    const run = await runCli("replay", await counterexampleFile());
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("reproduced: agreement violated at step 8");
    const json = await runCli("replay", await counterexampleFile(), "--json");
    expect(JSON.parse(json.stdout)).toMatchObject({ model: MUTANT, firstViolation: 8 });
  });

  it("rejects an unknown step, a bad config and a step that is not enabled, naming the field", async () => {
    const file = await counterexampleFile();
    const schedule = JSON.parse(readFileSync(file, "utf8"));
    const dir = tempDir();
    const write = (name: string, value: unknown): string => {
      writeFileSync(join(dir, name), JSON.stringify(value));
      return join(dir, name);
    };
    expectOneLineError(await runCli("replay", write("unknown.json", { ...schedule, steps: [{ teleport: 1 }] })), /schedule steps\[0\]: unknown step/);
    expectOneLineError(await runCli("replay", write("config.json", { ...schedule, config: { qp: 0, qc: 2 } })), /schedule config qp: /);
    // A step that is not enabled is no bad input: the schedule no longer reproduces (exit 1).
    const diverged = await runCli("replay", write("diverge.json", { ...schedule, steps: [{ deliver: "COMMIT 0->1" }] }));
    expect(diverged.code).toBe(1);
    expect(diverged.stdout).toMatch(/^not reproduced: replay diverged at steps\[0\]/);
    expectOneLineError(await runCli("replay", join(dir, "missing.json")), /cannot read .*missing\.json: ENOENT/);
    writeFileSync(join(dir, "broken.json"), "{ not json");
    expectOneLineError(await runCli("replay", join(dir, "broken.json")), /broken\.json is not valid JSON/);
  });
});

describe("report", () => {
  it("renders a saved Result as Markdown, HTML, JUnit and JSON", async () => {
    const reports = tempDir();
    await runCli("check", MUTANT, "--quiet", "--reports", reports);
    const file = join(reports, "bench-pbft_n4f1_mutant.json");
    expect((await runCli("report", file)).stdout).toContain("```mermaid");
    expect((await runCli("report", file, "--format", "html")).stdout).toContain("<svg");
    expect((await runCli("report", file, "--format", "junit")).stdout).toContain('<testsuites name="consensus-check" tests="1" failures="0"');
    expect(resultSchema.parse(JSON.parse((await runCli("report", file, "--format", "json")).stdout)).model).toBe(MUTANT);
    const out = join(reports, "out.md");
    await runCli("report", file, "--out", out);
    expect(readFileSync(out, "utf8")).toContain("Verdict: violation of agreement");
    expectOneLineError(await runCli("report", file, "--format", "pdf"), /--format: expected one of md, html, junit, json/);
  });

  it("shows what the Result's run covered: the config its counterexample ran with, in every format", async () => {
    const reports = tempDir();
    await runCli("check", "pbft/n3_f1", "--quiet", "--reports", reports);
    const file = join(reports, "pbft-n3_f1.json");
    const model = findModel("pbft/n3_f1");
    const covered = model.covers(model.config);
    const markdown = (await runCli("report", file)).stdout;
    expect(markdown).toContain(`## Configuration\n\n**Bounds**\n\n${covered.bounds.map((line) => `- ${markdownInline(line)}`).join("\n")}\n`);
    expect((await runCli("report", file, "--format", "html")).stdout).toContain(`<h3>Configuration</h3>\n<dl class="covers"><dt>Bounds</dt><dd>${htmlText(covered.bounds[0]!)}</dd>`);
    expect((await runCli("report", file, "--format", "junit")).stdout).toContain(`covers time: ${xmlText(covered.time[0]!)}`);
    // The counterexample's own config, here with 1 client instead of 2, is what its run covered.
    const result = JSON.parse(readFileSync(file, "utf8"));
    result.counterexample.config.clients = 1;
    writeFileSync(file, JSON.stringify(result));
    const edited = model.covers(model.configSchema.parse({ ...model.config, clients: 1 }));
    expect(edited.bounds).not.toEqual(covered.bounds);
    expect((await runCli("report", file)).stdout).toContain(edited.bounds.map((line) => `- ${markdownInline(line)}`).join("\n"));
  });

  it("says the coverage of a model this version does not bundle is unknown", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "r.json"), JSON.stringify({ ...passResult(), model: "gone/model" }));
    const markdown = (await runCli("report", join(dir, "r.json"))).stdout;
    expect(markdown).toContain("## What this pass covers");
    expect(markdown.match(/^- unknown: /gm)).toHaveLength(4);
  });
});

describe("list", () => {
  it("lists every bundled model with its pinned expectation", async () => {
    const run = await runCli("list", "--json");
    const rows = JSON.parse(run.stdout) as { model: string; expected: string; distinctStates: number }[];
    expect(rows).toContainEqual(expect.objectContaining({ model: "bench/pbft_n4f1", expected: "pass", distinctStates: 1_140_625 }));
    expect((await runCli("list")).stdout).toMatch(/bench\/pbft_n4f1_mutant\s+violation \(agreement\)\s+45,902\s+8/);
  });

  it("says what each model's check covers: a covers object in --json, one covers: line per model", async () => {
    const rows = JSON.parse((await runCli("list", "--json")).stdout) as { model: string; covers: unknown }[];
    expect(rows.map((row) => row.model)).toEqual(models.map((model) => model.name));
    for (const row of rows) expect(row.covers).toEqual(coversOf(findModel(row.model), findModel(row.model).config));
    // A simulated model says its check is a sample.
    expect(JSON.stringify(rows.find((row) => row.model === "pbft/n4_f1_c2_r2_simulated")!.covers)).toContain("a seeded simulation, not exhaustive");
    const lines = (await runCli("list")).stdout.split("\n").filter((line) => /^\s+covers: /.test(line));
    expect(lines.map((line) => line.trim())).toEqual(models.map((model) => `covers: ${coverageLine(coversOf(model, model.config))}`));
  });
});

describe("the installed bin", () => {
  it("runs from any working directory after npm ci", () => {
    const bin = resolve("bin/consensus-check.mjs");
    const out = execFileSync(process.execPath, [bin, "list", "--json"], { cwd: tmpdir(), encoding: "utf8" });
    expect(JSON.parse(out).length).toBeGreaterThan(0);
  });

  it("prints bad input as one line without a stack trace, exit 2", () => {
    const run = spawnSync(process.execPath, [resolve("bin/consensus-check.mjs"), "explore", "nope/model"], { encoding: "utf8" });
    expect(run.status).toBe(2);
    expect(run.stderr.trim()).toMatch(/^consensus-check: unknown model "nope\/model"/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});

describe("Ctrl-C", () => {
  it("stops the run, still writes the partial report, and exits 3", async () => {
    const reports = tempDir();
    const interrupt = setTimeout(() => process.emit("SIGINT"), 300);
    const run = await runCli("check", "bench/pbft_n4f1", "--json", "--quiet", "--reports", reports);
    clearTimeout(interrupt);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain("SIGINT received: finishing the partial report");
    const result = JSON.parse(run.stdout);
    expect(result).toMatchObject({ result: "incomplete", limitHit: "interrupted" });
    expect(result.distinctStates).toBeLessThan(1_140_625);
    expect(readFileSync(join(reports, "bench-pbft_n4f1.md"), "utf8")).toContain("| limit hit | interrupted |");
    expect(existsSync(join(reports, "index.html"))).toBe(true);
  });
});

describe("simulate", () => {
  it("runs seeded random schedules: nothing found is the normal end (exit 0, no-violation), and a seed reproduces the run", async () => {
    const first = await runCli("simulate", "pbft/n4_f1", "--runs", "20", "--seed", "3", "--json", "--quiet");
    expect(first.code).toBe(0);
    const result = resultSchema.parse(JSON.parse(first.stdout));
    expect(result).toMatchObject({ result: "no-violation", runs: 20, maxSteps: 200, seed: 3, strategy: "random" });
    expect(result.limitHit).toBeUndefined();
    const again = await runCli("simulate", "pbft/n4_f1", "--runs", "20", "--seed", "3", "--json", "--quiet");
    expect(JSON.parse(again.stdout).distinctStates).toBe(result.distinctStates);
  });

  it("exits 0 when it misses a violation the model expects, and its report says a simulation is not exhaustive", async () => {
    const run = await runCli("simulate", MUTANT, "--runs", "3", "--max-steps", "2", "--seed", "1");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("no violation in 3 random runs of up to 2 steps (simulation, not exhaustive");
    expect(run.stdout).toContain("simulation found no violation in 3 runs; the model expects a violation of agreement (a simulation is not exhaustive)");
  });

  it("explore --strategy random ends like simulate: no-violation exits 0", async () => {
    const run = await runCli("explore", MUTANT, "--strategy", "random", "--max-depth", "2", "--seed", "1", "--json", "--quiet");
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ result: "no-violation", runs: 1000, maxSteps: 2 });
  });

  it("finds the expected violation of pbft/n3_f1, shrinks it, and writes it for replay", async () => {
    const reports = tempDir();
    const run = await runCli("simulate", "pbft/n3_f1", "--runs", "50", "--seed", "1", "--json", "--quiet", "--reports", reports);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result).toMatchObject({ result: "violation", property: "agreement" });
    expect(result.shrunkFrom).toBeGreaterThan(result.counterexample.steps.length);
    const replayed = await runCli("replay", join(reports, "pbft-n3_f1.schedule.json"), "--json");
    expect(JSON.parse(replayed.stdout).firstViolation).toBe(result.counterexample.steps.length);
  });

  it("prints the report without --json and names bad flags", async () => {
    expect((await runCli("simulate", "bench/pbft_n4f1_mutant", "--runs", "5", "--quiet")).stdout).toContain("shrunk from");
    expectOneLineError(await runCli("simulate", MUTANT, "--runs", "0"), /--runs: expected a positive whole number/);
  });
});

// `check --all` (every model but the full profile's as expected, the reports, the seed audit;
// npm start adds --profile full) is the manifest's run, test/models/manifest.test.ts: each of
// its models is explored once per test run.

describe("report on a Result whose counterexample config is broken", () => {
  it("names the field in one line instead of a stack trace", async () => {
    const reports = tempDir();
    await runCli("check", MUTANT, "--quiet", "--reports", reports);
    const file = join(reports, "bench-pbft_n4f1_mutant.json");
    const result = JSON.parse(readFileSync(file, "utf8"));
    result.counterexample.config = { qp: 9, qc: 2 };
    writeFileSync(file, JSON.stringify(result));
    expectOneLineError(await runCli("report", file), /config qp: must be a whole number from 1 to 4 \(the oracle model has n = 4 replicas\)/);
  });
});

describe("usage", () => {
  it("prints the version and help with exit 0, and usage with exit 2 when no command is given", async () => {
    const version = await runCli("--version");
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    expect((await runCli("--help")).code).toBe(0);
    expect((await runCli()).code).toBe(2);
  });
});
