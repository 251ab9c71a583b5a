import { describe, expect, it } from "vitest";
import { explore, readCheckpointHeader, type ExploreOptions } from "../../explorer/index.ts";
import type { TransitionSystem } from "../../explorer/transition-system.ts";
import { findModel } from "../../models/registry.ts";
import { checkpointAt, exploreSavingEverywhere, figures, resumeWatching } from "./checkpoint-assertions.ts";

/** A bundled model as the CLI builds it, with the options that name it in Results and checkpoints. */
function bundled(name: string): { system: TransitionSystem<unknown, unknown>; options: ExploreOptions } {
  const model = findModel(name);
  return { system: model.build(model.config), options: { model: name, config: model.config } };
}

// SPEC.md §7.1 of models/bench/pbft_n4f1 (cross-checked by SPIN 6.5.2).
const ORACLE_STATES_PER_DEPTH = [
  1, 12, 72, 292, 906, 2292, 4916, 9252, 15888, 25848, 40644, 61560, 88432, 118488, 145620, 161076, 156948, 131496, 92138, 52236, 23028, 7520, 1704,
  240, 16,
];

describe("checkpoints of the bundled models", () => {
  it("bench/pbft_n4f1: stopped mid-run and resumed, the oracle still has SPIN's exact figures", async () => {
    const { system, options } = bundled("bench/pbft_n4f1");
    // The one exploration of the oracle in these tests: half of it, then the other half.
    const { partial, bytes } = await checkpointAt(system, options, 500_000);
    expect(partial.distinctStates).toBeGreaterThanOrEqual(500_000);
    expect(partial.distinctStates).toBeLessThan(1_140_625);
    const { result, first } = await resumeWatching(system, options, bytes);
    expect(first).toMatchObject({ states: partial.distinctStates, transitions: partial.transitions });
    expect(result).toMatchObject({ result: "pass", distinctStates: 1_140_625, transitions: 7_933_500, maxDepth: 24, terminalStates: 64, strategy: "bfs" });
    expect(result.statesPerDepth).toEqual(ORACLE_STATES_PER_DEPTH);
    expect(result.limitHit).toBeUndefined();
    expect(result.seconds).toBeGreaterThanOrEqual(readCheckpointHeader(bytes).elapsedSeconds);
  });

  it("bench/pbft_n4f1_mutant (frontier decoded from the arena): the same 8-step counterexample from checkpoints at three points", async () => {
    const { system, options } = bundled("bench/pbft_n4f1_mutant");
    const reference = figures(await explore(system, options));
    expect(reference).toMatchObject({ result: "violation", property: "agreement", distinctStates: 45_902 });
    expect(reference.counterexample?.steps).toHaveLength(8);
    for (const stopAt of [1_000, 12_000, 40_000]) {
      const { bytes } = await checkpointAt(system, options, stopAt);
      expect(figures(await explore(system, { ...options, resumeFrom: bytes })), `stopped at ${stopAt}`).toEqual(reference);
    }
  });

  it("bench/pbft_n4f1_mutant by random walks: the same shrunk counterexample from every step", async () => {
    const { system, options } = bundled("bench/pbft_n4f1_mutant");
    const walks: ExploreOptions = { ...options, strategy: "random", seed: 42 };
    const reference = figures(await explore(system, walks));
    const { result, saves } = await exploreSavingEverywhere(system, walks);
    expect(figures(result)).toEqual(reference);
    expect(saves).toHaveLength(reference.transitions);
    for (const bytes of saves.filter((_, i) => i % 8 === 0)) expect(figures(await explore(system, { ...walks, resumeFrom: bytes }))).toEqual(reference);
  });

  it("pbft/n3_f1 (XState) without decode: BFS replays its frontier, DFS its stack, and both find the same violation after resuming", async () => {
    // Every bundled model now decodes its states; without `decode` the explorer must replay them.
    // A resumed run loads the runtime's interning tables, so each one gets a system of its own.
    const fresh = (): TransitionSystem<unknown, unknown> => {
      const { decode: _decode, ...system } = bundled("pbft/n3_f1").system;
      return system;
    };
    const { options } = bundled("pbft/n3_f1");
    const bfs = figures(await explore(fresh(), options));
    expect(bfs).toMatchObject({ result: "violation", property: "agreement", distinctStates: 47_603 });
    expect(bfs.counterexample?.steps).toHaveLength(12);
    // Mid level 9 (ids 3,066–7,131): the replay rebuilds levels 0–8 and the part of level 10 found so far.
    const { partial, bytes } = await checkpointAt(fresh(), options, 10_000);
    expect(partial.maxDepth).toBe(10);
    expect(figures(await explore(fresh(), { ...options, resumeFrom: bytes }))).toEqual(bfs);

    const dfs: ExploreOptions = { ...options, strategy: "dfs" };
    const dfsReference = figures(await explore(fresh(), dfs));
    const dfsRun = await exploreSavingEverywhere(fresh(), dfs);
    // One save per step, but for the last: the step that meets the violation ends the run before its poll.
    expect(dfsRun.saves).toHaveLength(dfsReference.transitions - 1);
    expect(figures(await explore(fresh(), { ...dfs, resumeFrom: dfsRun.saves[dfsRun.saves.length >> 1] }))).toEqual(dfsReference);
  });
});
