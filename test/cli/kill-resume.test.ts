import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readCheckpointHeader } from "../../explorer/index.ts";
import { resultSchema, type Result } from "../../explorer/result.ts";
import { ORACLE_STATES_PER_DEPTH } from "../support/oracle-figures.ts";
import { expectOneLineError, runCli } from "./run-cli.ts";
import { fileExists, startCli, waitFor } from "./cli-process.ts";

/**
 * kill -9 loses nothing: a run killed with SIGKILL (a real signal to a real process) leaves its
 * last checkpoint, and `--resume` reaches exactly the figures, verdict and counterexample of an
 * uninterrupted run — on the 1.14 M-state oracle (killed from outside), and on two violation
 * models too small to hit from outside (they kill themselves right after their first
 * checkpoint, through CONSENSUS_CHECK_KILL_AFTER_CHECKPOINTS): one with `decode` (the frontier
 * is read from the key arena) and one XState model without it (the frontier is rebuilt).
 */
function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "cc-resume-"));
}

function checkpointOf(reports: string, stem: string): string {
  return join(reports, ".checkpoints", `${stem}.bfs.ckpt`);
}

async function resumed(model: string, reports: string): Promise<{ result: Result & { expectation: { outcome: string } }; stderr: string; code: number }> {
  const run = await runCli("check", model, "--reports", reports, "--resume", "--json", "--quiet");
  return { result: JSON.parse(run.stdout), stderr: run.stderr, code: run.code };
}

describe("kill -9, then --resume", () => {
  it("the oracle, killed mid-run from outside, resumes to SPIN's exact figures", async () => {
    const reports = tempDir();
    const run = startCli(["check", "bench/pbft_n4f1", "--reports", reports, "--checkpoint-every", "0.2", "--quiet"]);
    await waitFor(fileExists(checkpointOf(reports, "bench-pbft_n4f1")), "the first checkpoint");
    process.kill(run.child.pid!, "SIGKILL");
    expect((await run.exited).signal).toBe("SIGKILL");
    const saved = readCheckpointHeader(readFileSync(checkpointOf(reports, "bench-pbft_n4f1")));
    expect(saved.states).toBeGreaterThan(0);
    expect(saved.states).toBeLessThan(1_140_625);

    const { result, stderr, code } = await resumed("bench/pbft_n4f1", reports);
    expect(code).toBe(0);
    expect(stderr).toMatch(/bench\/pbft_n4f1: resumed from .*bench-pbft_n4f1\.bfs\.ckpt \([\d,]+ states saved\)/);
    expect(result).toMatchObject({ result: "pass", distinctStates: 1_140_625, transitions: 7_933_500, maxDepth: 24, terminalStates: 64, expectation: { outcome: "as-expected" } });
    expect(result.statesPerDepth).toEqual(ORACLE_STATES_PER_DEPTH);
    // A finished run removes its checkpoint: nothing is left to resume by mistake.
    expect(fileExists(checkpointOf(reports, "bench-pbft_n4f1"))()).toBe(false);
  });

  it.each([
    ["bench/pbft_n4f1_mutant", "bench-pbft_n4f1_mutant"],
    // A runtime model: its interning tables travel in the checkpoint (47,603 states, twice: small enough for npm test).
    ["pbft/n3_f1", "pbft-n3_f1"],
  ])("%s, killed right after its first checkpoint, resumes to the same violation and counterexample", async (model, stem) => {
    const uninterrupted = resultSchema.parse(JSON.parse((await runCli("check", model, "--reports", tempDir(), "--json", "--quiet", "--no-checkpoint")).stdout));
    const reports = tempDir();
    const run = startCli(["check", model, "--reports", reports, "--checkpoint-every", "0.001", "--quiet"], { CONSENSUS_CHECK_KILL_AFTER_CHECKPOINTS: "1" });
    expect((await run.exited).signal).toBe("SIGKILL");
    expect(readCheckpointHeader(readFileSync(checkpointOf(reports, stem))).states).toBeLessThan(uninterrupted.distinctStates);

    const { result, code } = await resumed(model, reports);
    expect(code).toBe(0);
    expect(result).toMatchObject({ result: "violation", property: uninterrupted.property, distinctStates: uninterrupted.distinctStates, transitions: uninterrupted.transitions, maxDepth: uninterrupted.maxDepth });
    expect(result.statesPerDepth).toEqual(uninterrupted.statesPerDepth);
    expect(result.counterexample).toEqual(uninterrupted.counterexample);
  });

  it("refuses a checkpoint of another model or a damaged one, in one line, exit 2", async () => {
    const reports = tempDir();
    const run = startCli(["check", "bench/pbft_n4f1_mutant", "--reports", reports, "--checkpoint-every", "0.001", "--quiet"], { CONSENSUS_CHECK_KILL_AFTER_CHECKPOINTS: "1" });
    await run.exited;
    copyFileSync(checkpointOf(reports, "bench-pbft_n4f1_mutant"), checkpointOf(reports, "bench-pbft_n4f1"));
    expectOneLineError(await runCli("check", "bench/pbft_n4f1", "--reports", reports, "--resume", "--quiet"), /^consensus-check: --resume: .*bench-pbft_n4f1\.bfs\.ckpt: made for model "bench\/pbft_n4f1_mutant", not "bench\/pbft_n4f1"; delete it or run without --resume$/);
    const damaged = readFileSync(checkpointOf(reports, "bench-pbft_n4f1_mutant"));
    damaged[damaged.length - 1] ^= 0xff;
    writeFileSync(checkpointOf(reports, "bench-pbft_n4f1_mutant"), damaged);
    expectOneLineError(await runCli("check", "bench/pbft_n4f1_mutant", "--reports", reports, "--resume", "--quiet"), /^consensus-check: --resume: .*bench-pbft_n4f1_mutant\.bfs\.ckpt: truncated or corrupt \(checksum mismatch\)/);
    expectOneLineError(await runCli("check", "bench/pbft_n4f1_mutant", "--reports", reports, "--resume", "--no-checkpoint"), /--resume: cannot resume with --no-checkpoint/);
  });

  it("--resume without a checkpoint starts from the beginning and says so", async () => {
    const run = await runCli("check", "pbft/n3_f1", "--reports", tempDir(), "--resume", "--json", "--quiet");
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/pbft\/n3_f1: no checkpoint at .*pbft-n3_f1\.bfs\.ckpt; starting from the beginning/);
  });
});
