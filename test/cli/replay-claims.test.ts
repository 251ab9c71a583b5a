import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { expectOneLineError, runCli } from "./run-cli.ts";

/**
 * A schedule's claims are checked, not trusted: a schedule that names a safe model but carries
 * another config is a run of a modified model and says so field by field, its warnings follow
 * the config replayed, and the exit code says whether the counterexample still reproduces.
 */
const N3_F1 = JSON.parse(readFileSync("test/models/pbft/fixtures/n3_f1.schedule.json", "utf8")) as { model: string; config: Record<string, unknown>; steps: unknown[] };

/** Every temporary folder of this file, removed when it ends. */
const folders: string[] = [];
afterAll(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));
const tempFolder = (): string => {
  const folder = mkdtempSync(join(tmpdir(), "cc-claims-"));
  folders.push(folder);
  return folder;
};

function file(value: unknown): string {
  const path = join(tempFolder(), "input.json");
  writeFileSync(path, JSON.stringify(value));
  return path;
}

describe("replay checks the schedule's claims", () => {
  it("a schedule naming the safe pbft/n4_f1 with n3_f1's config: one warning per differing field, the n < 3f+1 warning of the config replayed", async () => {
    const disguised = file({ ...N3_F1, model: "pbft/n4_f1" });
    const run = await runCli("replay", disguised);
    expect(run.code).toBe(0);
    const warnings = run.stderr.trim().split("\n");
    expect(warnings).toContain("warning: config n is 3 here, 4 in the registered pbft/n4_f1: this is a run of a modified model");
    expect(warnings).toContain('warning: config quorumRule is "n-f" here, "2f+1" in the registered pbft/n4_f1: this is a run of a modified model');
    expect(warnings).toContain("warning: n = 3 < 3f+1 = 4: the Byzantine bound is not met");
    expect(warnings.every((line) => line.startsWith("warning: "))).toBe(true);
    expect(run.stdout).toContain("replaying 12 steps of pbft/n4_f1 (modified config, see the warnings)");
    // The registered model's properties are checked, not the schedule's model's: pbft/n4_f1 also
    // checks prepared agreement (§4.2), which n3_f1 does not, and it fails too.
    expect(run.stdout).toMatch(/\nreproduced: agreement, total order, prepared agreement violated at step 12\n$/);

    const json = JSON.parse((await runCli("replay", disguised, "--json")).stdout);
    expect(json).toMatchObject({ model: "pbft/n4_f1", reproduced: true, configMatchesModel: false, firstViolation: 12 });
    expect(json.configDifferences).toContainEqual({ field: "n", schedule: 3, registered: 4 });
    expect(json.configDifferences).toContainEqual({ field: "byzantine[0].replica", schedule: 0, registered: 3 });
    expect(json.warnings).toContain("n = 3 < 3f+1 = 4: the Byzantine bound is not met");
  });

  it("the schedule of its own model: no difference, the model's own warnings", async () => {
    const json = JSON.parse((await runCli("replay", file(N3_F1), "--json")).stdout);
    expect(json).toMatchObject({ reproduced: true, configMatchesModel: true, configDifferences: [], warnings: ["n = 3 < 3f+1 = 4: the Byzantine bound is not met"] });
  });
});

describe("replay's exit code tells whether the counterexample reproduces", () => {
  it("exit 1 when no property is violated along the steps (here: the first two steps only)", async () => {
    const run = await runCli("replay", file({ ...N3_F1, steps: N3_F1.steps.slice(0, 2) }));
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("not reproduced: no property violated along these 2 steps");
    expect((await runCli("replay", file({ ...N3_F1, steps: N3_F1.steps.slice(0, 2) }), "--expect", "pass")).code).toBe(0);
    expect((await runCli("replay", file(N3_F1), "--expect", "pass")).code).toBe(1);
  });

  it("a Result: its own property must be the one violated", async () => {
    const reports = tempFolder();
    await runCli("check", "pbft/n3_f1", "--reports", reports, "--quiet");
    const result = JSON.parse(readFileSync(join(reports, "pbft-n3_f1.json"), "utf8"));
    expect((await runCli("replay", join(reports, "pbft-n3_f1.json"))).code).toBe(0);
    const relabelled = await runCli("replay", file({ ...result, property: "validity" }));
    expect(relabelled.code).toBe(1);
    expect(relabelled.stdout).toMatch(/\nnot reproduced: validity is not violated along these 12 steps \(agreement, total order is, at step 12\)\n$/);
  });

  it("a Result without a counterexample: one line saying so, exit 2", async () => {
    const reports = tempFolder();
    await runCli("check", "bench/pbft_n4f1_mutant", "--reports", reports, "--quiet");
    const result = JSON.parse(readFileSync(join(reports, "bench-pbft_n4f1_mutant.json"), "utf8"));
    const passing = { ...result, result: "pass", property: undefined, counterexample: undefined };
    expectOneLineError(await runCli("replay", file(passing)), /this Result of bench\/pbft_n4f1_mutant \(verdict pass\) has no counterexample to replay/);
  });
});

describe("report shows the warnings of the config the counterexample ran with", () => {
  it("a Result of pbft/n4_f1 whose counterexample is n3_f1's: the differing fields and the bound warning in the Markdown", async () => {
    const reports = tempFolder();
    await runCli("check", "pbft/n3_f1", "--reports", reports, "--quiet");
    const result = JSON.parse(readFileSync(join(reports, "pbft-n3_f1.json"), "utf8"));
    // Every run the Result holds is relabelled: its counterexample and its `sometimes` witnesses.
    const relabel = (schedule: object) => ({ ...schedule, model: "pbft/n4_f1" });
    const sometimes = (result.sometimes as { witness?: object }[]).map((entry) => (entry.witness ? { ...entry, witness: relabel(entry.witness) } : entry));
    const disguised = { ...result, model: "pbft/n4_f1", counterexample: relabel(result.counterexample), sometimes };
    const run = await runCli("report", file(disguised));
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("config n is 3 here, 4 in the registered pbft/n4\\_f1");
    expect(run.stdout).toContain("n = 3 \\< 3f+1 = 4: the Byzantine bound is not met");
  });
});

describe("list", () => {
  it("prints each model's assumptions and warnings, as the README says", async () => {
    const run = await runCli("list");
    expect(run.stdout).toMatch(/pbft\/n3_f1 .*\n\s+assumptions: Asynchronous network.*\n\s+warning: n = 3 < 3f\+1 = 4/);
    const json = JSON.parse((await runCli("list", "--json")).stdout) as { model: string; assumptions: string }[];
    expect(json.every((row) => row.assumptions.length > 0)).toBe(true);
  });
});
