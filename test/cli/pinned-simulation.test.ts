import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { isPinnedSearch, pinnedSearchOf, runModel } from "../../cli/run-model.ts";
import type { RunSetup } from "../../cli/run-flags.ts";
import { coversOf, findModel, type ModelDefinition } from "../../models/index.ts";
import { n4_f1_c2_r2_simulated } from "../../models/pbft/n4_f1_c2_r2_simulated.ts";

/**
 * A model whose pinned check is a seeded simulation (ModelDefinition.simulation, TLC's
 * -simulate): `check` runs that simulation, and since it is seeded its figures are pinned and
 * judged. Here on a link model small enough to run in milliseconds.
 */
const folder = mkdtempSync(join(tmpdir(), "consensus-check-simulation-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
const setup: RunSetup = { checkpoints: { resume: false, folder }, quiet: true };
const signal = new AbortController().signal;

const link = findModel("links/retransmit");
const simulated = (expected: Partial<ModelDefinition["expected"]>, simulation = { walks: 40, maxSteps: 12, seed: 7 }): ModelDefinition => ({
  ...link,
  simulation,
  expected: { ...link.expected, ...expected, liveness: {} },
});

describe("a model pinned as a seeded simulation", () => {
  it("check runs its simulation, not BFS, and judges the sample's figures and witnesses against the pins", async () => {
    const first = await runModel(simulated({}), pinnedSearchOf(simulated({}), undefined), setup, signal);
    expect(first.result).toMatchObject({ result: "no-violation", strategy: "random", runs: 40, maxSteps: 12, seed: 7 });
    // The pins as the sample found them: the same seed gives the same figures, so they judge as expected.
    const { distinctStates, maxDepth, transitions } = first.result;
    const sometimes = Object.fromEntries(first.result.sometimes!.map((entry) => [entry.name, entry.witness!.steps.length]));
    const pinned = simulated({ distinctStates, maxDepth, transitions, sometimes });
    const again = await runModel(pinned, pinnedSearchOf(pinned, undefined), setup, signal);
    expect(again.judgement).toEqual({ outcome: "as-expected", reasons: [] });
    expect(isPinnedSearch(pinned, again.result)).toBe(true);
    // A drifted figure is a difference in review.
    const drifted = simulated({ distinctStates: distinctStates + 1, maxDepth, transitions, sometimes });
    expect((await runModel(drifted, pinnedSearchOf(drifted, undefined), setup, signal)).judgement).toEqual({
      outcome: "unexpected",
      reasons: [`distinct states ${distinctStates} differ from the pinned ${distinctStates + 1}`],
    });
    // Another seed is another sample: only its verdict is judged.
    const other = await runModel(pinned, { ...pinnedSearchOf(pinned, undefined), seed: 8 }, setup, signal);
    expect(other.judgement).toEqual({ outcome: "as-expected", reasons: [] });
    expect(isPinnedSearch(pinned, other.result)).toBe(false);
  });

  it("its coverage says the check is a sample, with the runs, their bound and the seed", () => {
    expect(coversOf(n4_f1_c2_r2_simulated, n4_f1_c2_r2_simulated.config).bounds.at(-1)).toBe(
      "a seeded simulation, not exhaustive: 1,000 random runs of at most 400 steps each (seed 20261201)",
    );
    expect(coversOf(link, link.config)).toEqual(link.covers(link.config));
    expect(pinnedSearchOf(link, 5)).toEqual({ strategy: "bfs", maxStates: 5, seed: 0 });
  });
});
