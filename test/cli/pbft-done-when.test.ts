import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { expectOneLineError, runCli } from "./run-cli.ts";

/** The acceptance commands, run as a user runs them (in-process for coverage). */
describe("PBFT through the command line", () => {
  const reports = mkdtempSync(join(tmpdir(), "cc-pbft-"));

  it("check pbft/n3_f1 --json: the expected agreement violation, exit 0, a counterexample that replay reproduces", async () => {
    const run = await runCli("check", "pbft/n3_f1", "--json", "--quiet", "--reports", reports);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result).toMatchObject({ model: "pbft/n3_f1", result: "violation", property: "agreement" });
    expect(result.counterexample.steps).toHaveLength(12);

    for (const file of ["pbft-n3_f1.schedule.json", "pbft-n3_f1.json"]) {
      const replayed = await runCli("replay", join(reports, file), "--json");
      expect(replayed.code, file).toBe(0);
      expect(JSON.parse(replayed.stdout)).toMatchObject({ model: "pbft/n3_f1", firstViolation: 12 });
    }
  });

  it("check pbft/n3_f1_q2f1 --json: termination fails (a silent replica blocks 2f+1 = n quorums), agreement holds", async () => {
    const run = await runCli("check", "pbft/n3_f1_q2f1", "--json", "--quiet", "--reports", reports);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ result: "violation", property: "termination" });
  });

  it("explore pbft/n4_f1 --max-states 1000 --json: exit 3, incomplete, partial figures", async () => {
    const run = await runCli("explore", "pbft/n4_f1", "--max-states", "1000", "--json", "--quiet");
    expect(run.code).toBe(3);
    const result = JSON.parse(run.stdout);
    expect(result).toMatchObject({ model: "pbft/n4_f1", result: "incomplete", limitHit: "states" });
    expect(result.distinctStates).toBeGreaterThanOrEqual(1000);
    expect(result.transitions).toBeGreaterThan(0);
  });

  // "catches a broken quorum" (pbft/n4_f1_primary_weak_quorums: agreement, a 12-step counterexample that
  // replays) is the manifest's check of that model (test/models/manifest.test.ts): exploring its
  // 423,813 states a second time here would only cost npm test 15 s.

  it("a bad config names the field: n = 0, f negative, an unknown step — exit 2, one line", async () => {
    // n3_f1's counterexample as the first test wrote it (vitest runs a file's tests in order).
    const schedule = JSON.parse(readFileSync(join(reports, "pbft-n3_f1.schedule.json"), "utf8"));
    const file = (name: string, value: unknown): string => {
      writeFileSync(join(reports, name), JSON.stringify(value));
      return join(reports, name);
    };
    expectOneLineError(await runCli("replay", file("n0.json", { ...schedule, config: { ...schedule.config, n: 0 } })), /^consensus-check: schedule config n: must be at least 1/);
    expectOneLineError(await runCli("replay", file("f-1.json", { ...schedule, config: { ...schedule.config, f: -1 } })), /^consensus-check: schedule config f: must be at least 0/);
    expectOneLineError(await runCli("replay", file("step.json", { ...schedule, steps: [{ warp: 1 }] })), /^consensus-check: schedule steps\[0\]: unknown step/);
  });
});
