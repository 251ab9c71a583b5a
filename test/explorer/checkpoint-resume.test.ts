import { describe, expect, it } from "vitest";
import { explore, readCheckpointHeader, type ExploreOptions } from "../../explorer/index.ts";
import type { TransitionSystem } from "../../explorer/transition-system.ts";
import { checkpointAt, expectResumesEverywhere, exploreSavingEverywhere, figures } from "./checkpoint-assertions.ts";
import { graphSystem, gridSystem, notAt, reaches, reachesNode, unboundedCounter, type Point } from "./tiny-systems.ts";

/**
 * The `sometimes` of the grids below: found early, found late, never (the violation at (4,5)
 * stops most runs first). Resumed runs must report each as the uninterrupted one does, so a
 * checkpoint keeps those discovered before it and their witnesses.
 */
const gridSometimes = [reaches(1, 2), reaches(3, 5), reaches(6, 6)];
const { decode: _decode, ...gridWithoutDecode } = { ...gridSystem(6, [notAt(4, 5)]), sometimes: gridSometimes };
/** The grid folded by swapping x and y (a symmetry: right ↔ up); the frontier must be replayed. */
const foldedGrid: TransitionSystem<Point, "right" | "up"> = {
  ...gridSystem(6, [{ name: "x + y < 9", holds: ([x, y]) => x + y < 9 }]),
  symmetry: ([x, y]) => new Uint8Array(Int32Array.of(Math.min(x, y), Math.max(x, y)).buffer),
};
const cyclic = graphSystem(
  { 0: [1, 2], 1: [2, 0], 2: [3], 3: [0, 4] },
  { initial: [0, 3, 0], terminal: { name: "ends at 3", holds: (n) => n === 3 }, sometimes: [reachesNode(4), reachesNode(1), reachesNode(7)] },
);
const gridWith = (n: number, invariants = [notAt(4, 5)]): TransitionSystem<unknown, unknown> => ({ ...gridSystem(n, invariants), sometimes: gridSometimes }) as TransitionSystem<unknown, unknown>;

describe("BFS resumes from a checkpoint at every poll point with exactly the figures of an uninterrupted run", () => {
  it.each<[string, TransitionSystem<unknown, unknown>, ExploreOptions]>([
    ["the frontier decoded from the key arena", gridWith(6), {}],
    ["the frontier replayed from the parent tree (no decode)", gridWithoutDecode as TransitionSystem<unknown, unknown>, {}],
    ["fingerprints", gridWith(6), { fingerprint: true }],
    ["symmetry reduction", foldedGrid as TransitionSystem<unknown, unknown>, { symmetry: true, stopAtFirstViolation: false }],
    ["a violation found before the checkpoint (stopAtFirstViolation: false)", gridWithoutDecode as TransitionSystem<unknown, unknown>, { stopAtFirstViolation: false }],
    ["several initial states, a cycle and a failing terminal property", cyclic as TransitionSystem<unknown, unknown>, { stopAtFirstViolation: false }],
    ["a depth bound", gridWith(6, []), { maxDepth: 4 }],
  ])("%s", async (_name, system, options) => {
    const saves = await expectResumesEverywhere(system, { model: "tiny", config: { n: 6 }, ...options });
    expect(saves).toBeGreaterThan(3);
  });

  it.each([
    ["decoded from the arena: one step per transition left", gridSystem(40), 0],
    ["replayed: one step per stored non-initial state, then one per transition left", (({ decode: _d, ...rest }) => rest)(gridSystem(40)), 1],
  ] as const)("does only the work left, the frontier %s", async (_name, grid, replaysStates) => {
    let steps = 0;
    const counting = { ...grid, step: (point: Point, action: "right" | "up") => (steps++, grid.step(point, action)) };
    const { bytes } = await checkpointAt(counting, {}, 600);
    const header = readCheckpointHeader(bytes);
    steps = 0;
    const resumed = await explore(counting, { resumeFrom: bytes });
    expect(resumed).toMatchObject({ result: "pass", distinctStates: 1681, transitions: 3280 });
    expect(steps).toBe(3280 - (header.counters.transitions as number) + replaysStates * (header.states - 1));
  });

  it("saves once per parent expanded: every state of a passing run", async () => {
    const { result, saves } = await exploreSavingEverywhere(gridSystem(6), {});
    expect(result.distinctStates).toBe(49);
    expect(saves).toHaveLength(49);
  });
});

describe("DFS resumes from every poll point, rebuilding its stack from the root", () => {
  it.each<[string, TransitionSystem<unknown, unknown>, ExploreOptions]>([
    ["a violation", gridWith(6), { strategy: "dfs" }],
    ["a depth bound that re-expands states reached again shallower", graphSystem({ 0: [1, 2], 1: [2], 2: [3], 3: [4], 4: [0] }) as TransitionSystem<unknown, unknown>, { strategy: "dfs", maxDepth: 2 }],
    ["several roots, cycles and a failing terminal property", cyclic as TransitionSystem<unknown, unknown>, { strategy: "dfs", stopAtFirstViolation: false }],
    ["fingerprints", gridWith(5, []), { strategy: "dfs", fingerprint: true }],
  ])("%s", async (_name, system, options) => {
    expect(await expectResumesEverywhere(system, options)).toBeGreaterThan(3);
  });

  it("saves once per step of a passing run", async () => {
    const { result, saves } = await exploreSavingEverywhere(gridSystem(5), { strategy: "dfs" });
    expect(result.transitions).toBe(60);
    expect(saves).toHaveLength(60);
  });
});

describe("random walks resume from every poll point with the PRNG where it was", () => {
  it.each<[string, TransitionSystem<unknown, unknown>, ExploreOptions]>([
    ["walks that find nothing", gridWith(5, []), { strategy: "random", seed: 9, walks: 12 }],
    ["a violation, shrunk", gridWith(6), { strategy: "random", seed: 3, walks: 40 }],
    ["walks cut at maxDepth on an endless space", unboundedCounter() as TransitionSystem<unknown, unknown>, { strategy: "random", seed: 1, walks: 6, maxDepth: 8 }],
    ["a state limit", unboundedCounter() as TransitionSystem<unknown, unknown>, { strategy: "random", seed: 1, walks: 50, maxDepth: 10, maxStates: 25 }],
  ])("%s", async (_name, system, options) => {
    expect(await expectResumesEverywhere(system, options)).toBeGreaterThan(3);
  });

  it("saves once per step, and a resumed run without a seed goes on with the checkpoint's", async () => {
    const { result, saves } = await exploreSavingEverywhere(unboundedCounter(), { strategy: "random", seed: 5, walks: 4, maxDepth: 6 });
    expect(result).toMatchObject({ result: "no-violation", transitions: 24, runs: 4 });
    expect(saves).toHaveLength(24);
    const resumed = await explore(unboundedCounter(), { strategy: "random", walks: 4, maxDepth: 6, resumeFrom: saves[10] });
    expect(figures(resumed)).toEqual(figures(result));
  });
});

describe("sometimes properties in checkpoints", () => {
  it.each(["bfs", "dfs", "random"] as const)("%s: a checkpoint keeps those discovered before it, and the resumed run reports their witnesses", async (strategy) => {
    const options: ExploreOptions = { strategy, seed: 4, walks: 200, maxDepth: strategy === "random" ? 60 : undefined };
    // One step away: the first state after the initial one in every strategy. The far corner: late or, for walks, never.
    const system = { ...gridSystem(30), sometimes: [{ name: "one step away", holds: ([x, y]: Point) => x + y === 1 }, reaches(0, 30)] };
    const reference = figures(await explore(system, options));
    expect(reference.sometimes?.map((entry) => entry.discovered)).toEqual([true, strategy !== "random"]);
    const { partial, bytes } = await checkpointAt(system, options, 150);
    expect(partial.sometimes?.map((entry) => entry.discovered)).toEqual([true, false]);
    const [saved] = readCheckpointHeader(bytes).checker.sometimes;
    // BFS keeps the state's id (the parent log has its path); DFS and random walks the path itself.
    expect(saved).toEqual(strategy === "bfs" ? { property: "one step away", id: 1 } : { property: "one step away", path: { initialIndex: 0, actionIndices: [expect.any(Number)] } });
    expect(figures(await explore(system, { ...options, resumeFrom: bytes }))).toEqual(reference);
  });
});

describe("a chain of interruptions", () => {
  it.each(["bfs", "dfs", "random"] as const)("%s: a resumed run saves checkpoints of its own, and resuming those reaches the same figures", async (strategy) => {
    const options: ExploreOptions = { strategy, seed: 2, walks: 10, maxDepth: strategy === "random" ? 12 : undefined };
    const system = gridWithoutDecode;
    const reference = figures(await explore(system, options));
    const first = await exploreSavingEverywhere(system, options);
    const second = await exploreSavingEverywhere(system, { ...options, resumeFrom: first.saves[Math.floor(first.saves.length / 3)] });
    expect(figures(second.result)).toEqual(reference);
    expect(second.saves.length).toBeGreaterThan(2);
    for (const bytes of [second.saves[0], second.saves[Math.floor(second.saves.length / 2)], second.saves[second.saves.length - 1]]) {
      expect(figures(await explore(system, { ...options, resumeFrom: bytes }))).toEqual(reference);
    }
  });
});

describe("stopping and time", () => {
  it.each(["bfs", "dfs", "random"] as const)("%s: an abort saves one last checkpoint where it stops, and resuming it finishes the run", async (strategy) => {
    const options: ExploreOptions = { strategy, seed: 4, walks: 200, maxDepth: strategy === "random" ? 30 : undefined };
    const reference = figures(await explore(gridSystem(30), options));
    const { partial, bytes } = await checkpointAt(gridSystem(30), options, 150);
    expect(partial.distinctStates).toBeLessThan(reference.distinctStates);
    expect(readCheckpointHeader(bytes).states).toBe(partial.distinctStates);
    expect(figures(await explore(gridSystem(30), { ...options, resumeFrom: bytes }))).toEqual(reference);
  });

  it("counts the time of the runs before: a time limit already spent ends the resumed run at once, with the checkpoint's figures", async () => {
    const { partial, bytes } = await checkpointAt(unboundedCounter(), {}, 2000);
    const { elapsedSeconds } = readCheckpointHeader(bytes);
    expect(elapsedSeconds).toBeGreaterThan(0);
    const saves: Uint8Array[] = [];
    const resumed = await explore(unboundedCounter(), { resumeFrom: bytes, timeSeconds: elapsedSeconds / 2, checkpoint: { everySeconds: 60, save: (saved) => saves.push(saved) } });
    expect(resumed).toMatchObject({ result: "incomplete", limitHit: "time", distinctStates: partial.distinctStates, transitions: partial.transitions });
    expect(resumed.seconds).toBeGreaterThanOrEqual(elapsedSeconds);
    // Stopped by its time limit, it saves where it stopped: nothing is lost by resuming again.
    expect(saves).toHaveLength(1);
    expect(readCheckpointHeader(saves[0])).toMatchObject({ states: partial.distinctStates });
  });

  it.each(["bfs", "dfs", "random"] as const)("%s: an already aborted resumed run reports the checkpoint's figures, and saves them again", async (strategy) => {
    const options: ExploreOptions = { strategy, seed: 4, walks: 200, maxDepth: strategy === "random" ? 30 : undefined };
    const { partial, bytes } = await checkpointAt(gridSystem(30), options, 150);
    const saves: Uint8Array[] = [];
    const resumed = await explore(gridSystem(30), { ...options, resumeFrom: bytes, signal: AbortSignal.abort(), checkpoint: { everySeconds: 60, save: (saved) => saves.push(saved) } });
    expect(figures(resumed)).toEqual(figures(partial));
    expect(saves).toHaveLength(1);
    expect(readCheckpointHeader(saves[0]).counters).toEqual(readCheckpointHeader(bytes).counters);
  });

  it("reads a checkpoint that does not start at an aligned offset (its sections are copied)", async () => {
    const reference = figures(await explore(gridSystem(30), {}));
    const { bytes } = await checkpointAt(gridSystem(30), {}, 300);
    const shifted = new Uint8Array(bytes.length + 1);
    shifted.set(bytes, 1);
    expect(figures(await explore(gridSystem(30), { resumeFrom: shifted.subarray(1) }))).toEqual(reference);
  });
});
