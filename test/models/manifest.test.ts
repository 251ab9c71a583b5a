import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { resultSchema, type Result } from "../../explorer/result.ts";
import { modelsOfProfile } from "../../models/profile.ts";
import { models } from "../../models/registry.ts";
import { fileStem } from "../../reporting/index.ts";
import { baselineOf, baselineText } from "../../reporting/baseline.ts";
import { judge } from "../../reporting/verdict.ts";
import { replay } from "../../explorer/replay.ts";
import { scheduleSchema } from "../../spec/common/schedule.ts";
import { runCli, type CliRun } from "../cli/run-cli.ts";
import { FIFTY_ONE_PERCENT_RUNS, FIFTY_ONE_PERCENT_SEED } from "../../cli/fifty-one-percent.ts";

/**
 * The manifest (TLA+ Examples' manifest.json, Stateright's pinned counts): every bundled model
 * of the quick profile is explored once per test run — by `check --all`, as `npm start` runs it
 * with --profile full — and its Result's
 * verdict, violated property, distinct states, depth and transitions must equal the pins, so
 * any change in behaviour fails here. A model expected to pass also pins what it must reach
 * (Stateright's `sometimes`), each with its shortest witness's length: a pass that no longer
 * reaches one is vacuous, and fails. The same run's reports, seed audit, 51 % analysis and JUnit are checked.
 * Models of the full profile (models/profile.ts: exhaustive runs of minutes, for `npm start`)
 * are not run here, so that `npm test` stays within minutes; they must be pinned all the same.
 */
let reports: string;
let run: CliRun;

beforeAll(async () => {
  reports = mkdtempSync(join(tmpdir(), "consensus-check-manifest-"));
  run = await runCli("check", "--all", "--quiet", "--reports", reports);
}, 900_000);

function resultOf(name: string): Result {
  return resultSchema.parse(JSON.parse(readFileSync(join(reports, `${fileStem(name)}.json`), "utf8")));
}

describe("every bundled model matches its pinned expectation", () => {
  it("has unique names made of the protocol and its parameters", () => {
    const names = models.map((model) => model.name);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(/^[a-z-]+\/[a-z0-9_]+$/);
  });

  it("check --all: exit 0, one row per model, each as expected", () => {
    expect(run.code, run.stderr).toBe(0);
    const rows = run.stdout.split("\n").filter((line) => /^[a-z-]+\/[a-z0-9_]+\s/.test(line));
    expect(rows.map((row) => row.split(/\s+/)[0])).toEqual(modelsOfProfile(models, "quick").map((model) => model.name));
    for (const row of rows) expect(row, row).toMatch(/\s+yes\s+/);
    expect(readFileSync(join(reports, "junit.xml"), "utf8")).toMatch(/failures="0" errors="0"/);
  });

  it("check --all regenerates the seed audit: Merkle, MPT and Paxos sections with replayable findings", () => {
    const audit = readFileSync(join(reports, "seed-audit.md"), "utf8");
    expect(audit).toContain("## seed-merkle");
    expect(audit).toContain("## seed-mpt");
    expect(audit).toMatch(/### seed-merkle: M1 completeness[\s\S]*"treeSize": 3/);
    expect(audit).toContain("## seed-paxos R1 grant-all");
    expect(audit).toMatch(/### seed-paxos R2 first-come: PX3 returned value chosen[\s\S]*"deliver": "REPLY v0 true A1->P0"/);
    expect(audit).toContain("## paxos (reference)\n\n0 of 5 properties broken.");
  });

  it("check --all writes the 51 % analysis with the quick profile's runs, stated in the report", () => {
    const markdown = readFileSync(join(reports, "fifty-one-percent.md"), "utf8");
    expect(markdown).toContain(`Seed ${FIFTY_ONE_PERCENT_SEED}, ${FIFTY_ONE_PERCENT_RUNS.quick.cell.toLocaleString("en-US")} simulated runs per cell and process (profile quick;`);
    const json = JSON.parse(readFileSync(join(reports, "fifty-one-percent.json"), "utf8")) as { profile: string; runs: number; seed: number; cells: unknown[]; onRuntime: { estimate: { runs: number } }[] };
    expect(json).toMatchObject({ profile: "quick", runs: FIFTY_ONE_PERCENT_RUNS.quick.cell, seed: FIFTY_ONE_PERCENT_SEED });
    expect(json.cells).toHaveLength(121);
    for (const cell of json.onRuntime) expect(cell.estimate.runs).toBe(FIFTY_ONE_PERCENT_RUNS.quick.runtime);
    expect(readFileSync(join(reports, "fifty-one-percent.svg"), "utf8")).toMatch(/^<svg xmlns=/);
  });

  it("reports/baseline.json is the baseline of this run's Results (audit --all --update writes it)", () => {
    // The Results of the one check --all above, not a second exploration: the committed
    // baseline must say what the models do now, or `audit --baseline reports/baseline.json` would
    // report a behaviour change that the commit itself made.
    const committed = readFileSync(new URL("../../reports/baseline.json", import.meta.url), "utf8");
    const current = baselineText(baselineOf(modelsOfProfile(models, "quick").map((model) => resultOf(model.name))));
    expect(committed, "reports/baseline.json is stale: run `npx consensus-check audit --all --baseline reports/baseline.json --update`").toBe(current);
  });

  it("every model is pinned, those of the full profile too: verdict, states, depth, transitions where it passes and what it must reach", () => {
    for (const model of models) {
      expect(model.expected.distinctStates, model.name).toBeGreaterThan(0);
      expect(model.expected.maxDepth, model.name).toBeGreaterThan(0);
      if (model.expected.result === "violation") expect(model.expected.property, model.name).toBeDefined();
      if (model.expected.result !== "pass") continue;
      expect(model.expected.transitions, `${model.name}: a pass pins its transitions`).toBeGreaterThan(0);
      expect(Object.keys(model.expected.sometimes ?? {}), `${model.name}: a pass pins what it must reach`).not.toHaveLength(0);
    }
  });

  it("catalogue A3: the asynchronous crashed-primary model reports an FLP witness; the same model under partial synchrony is live", () => {
    const asynchronous = resultOf("view-change/n4_f1_crashed_primary_async").liveness![0]!;
    expect(asynchronous).toMatchObject({ verdict: "undecided", reason: expect.stringMatching(/^termination not guaranteed \(FLP witness\)/) });
    expect(readFileSync(join(reports, `${fileStem("view-change/n4_f1_crashed_primary_async")}.md`), "utf8")).toMatch(/\| every client's requests accepted \| eventually \| undecided: [^|]* — termination not guaranteed \(FLP witness\)/);
    const partialSync = resultOf("view-change/n4_f1_crashed_primary").liveness![0]!;
    expect(partialSync).toMatchObject({ verdict: "holds" });
    expect(partialSync.reason).toBeUndefined();
  });

  for (const model of modelsOfProfile(models, "quick")) {
    it(`${model.name}: ${model.expected.result}${model.expected.property ? ` (${model.expected.property})` : ""}, ${model.expected.distinctStates} states, depth ${model.expected.maxDepth}`, () => {
      expect(model.configSchema.parse(model.config)).toEqual(model.config);
      const result = resultOf(model.name);
      expect(result.model).toBe(model.name);
      if (model.expected.result === "pass") {
        expect(Object.keys(model.expected.sometimes ?? {}), "a model expected to pass pins what it must reach").not.toHaveLength(0);
        const reached = Object.fromEntries((result.sometimes ?? []).map((entry) => [entry.name, entry.witness?.steps.length ?? "never reached"]));
        expect(reached).toEqual(model.expected.sometimes);
      }
      expect(judge(result, model.expected)).toEqual({ outcome: "as-expected", reasons: [] });
      if (model.expected.result === "violation") {
        // The counterexample is in reports/ as a sequence diagram and a schedule that replays to its property.
        expect(readFileSync(join(reports, `${fileStem(model.name)}.md`), "utf8")).toContain("```mermaid\nsequenceDiagram");
        const schedule = scheduleSchema.parse(JSON.parse(readFileSync(join(reports, `${fileStem(model.name)}.schedule.json`), "utf8")));
        const trace = replay(model.build(model.configSchema.parse(schedule.config)), schedule);
        expect(trace.firstViolation?.property).toBe(model.expected.property);
      }
    });
  }
});
