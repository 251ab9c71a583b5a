import { describe, expect, it } from "vitest";
import { explore, type Progress } from "../../explorer/index.ts";
import { InputError } from "../../spec/common/input-error.ts";
import { expectIncomplete } from "./explore-assertions.ts";
import { gridSystem, unboundedCounter } from "./tiny-systems.ts";

describe("limits end a run as incomplete with the figures reached so far", () => {
  it.each(["bfs", "dfs", "random"] as const)("maxStates stops %s at exactly that many distinct states", async (strategy) => {
    const result = await explore(gridSystem(10), { strategy, maxStates: 20, seed: 3 });
    expectIncomplete(result, "states");
    expect(result.distinctStates).toBe(20);
    expect(result.transitions).toBeGreaterThanOrEqual(19);
  });

  it("a state limit at or above the space's size is not hit", async () => {
    const result = await explore(gridSystem(3), { maxStates: 16 });
    expect(result).toMatchObject({ result: "pass", distinctStates: 16 });
  });

  it("maxDepth stops BFS below the bound, keeping the states at the bound", async () => {
    const result = await explore(gridSystem(3), { maxDepth: 2 });
    expectIncomplete(result, "depth");
    expect(result).toMatchObject({ distinctStates: 6, transitions: 6, maxDepth: 2 });
    expect(result.statesPerDepth).toEqual([1, 2, 3]);
  });

  it("a depth bound at the space's depth is not hit", async () => {
    const result = await explore(gridSystem(3), { maxDepth: 6 });
    expect(result).toMatchObject({ result: "pass", distinctStates: 16 });
  });

  it.each(["bfs", "dfs"] as const)("timeSeconds stops %s on an endless space", async (strategy) => {
    const result = await explore(unboundedCounter(), { strategy, timeSeconds: 0.05 });
    expectIncomplete(result, "time");
    expect(result.distinctStates).toBeGreaterThan(0);
  });

  it("maxMemoryMB stops a run once the process holds more memory", async () => {
    const result = await explore(unboundedCounter(), { maxMemoryMB: 1 });
    expectIncomplete(result, "memory");
    expect(result.distinctStates).toBeGreaterThan(0);
  });
});

describe("interruption and progress", () => {
  it("an already aborted signal ends the run before it starts", async () => {
    const result = await explore(gridSystem(3), { signal: AbortSignal.abort() });
    expectIncomplete(result, "interrupted");
    expect(result.distinctStates).toBe(0);
  });

  it("aborting from outside (Ctrl-C) ends a long run: the search yields to the event loop", async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 30);
    const result = await explore(unboundedCounter(), { signal: controller.signal });
    expectIncomplete(result, "interrupted");
    expect(result.distinctStates).toBeGreaterThan(0);
  });

  it("reports progress with states, transitions, depth, queue, rate and an ETA under a state limit", async () => {
    const events: Progress[] = [];
    const result = await explore(unboundedCounter(), { maxStates: 5000, progressEveryMs: 0, onProgress: (progress) => events.push(progress) });
    expectIncomplete(result, "states");
    expect(events.length).toBeGreaterThan(5);
    const last = events[events.length - 1];
    expect(Object.keys(last).sort()).toEqual(["depth", "etaSeconds", "queue", "seconds", "states", "statesPerSecond", "transitions"]);
    expect(last.states).toBeLessThanOrEqual(5000);
    expect(last.transitions).toBeGreaterThanOrEqual(last.states - 1);
    expect(events[0].states).toBeLessThan(last.states);
  });

  it("an abort from a progress callback stops the run at that poll", async () => {
    const controller = new AbortController();
    const result = await explore(unboundedCounter(), { signal: controller.signal, progressEveryMs: 0, onProgress: () => controller.abort() });
    expectIncomplete(result, "interrupted");
  });

  it("rejects malformed options with an InputError naming the field", async () => {
    await expect(explore(gridSystem(1), { maxStates: -1 })).rejects.toThrow(InputError);
    await expect(explore(gridSystem(1), { strategy: "sideways" as "bfs" })).rejects.toThrow(/explore options strategy/);
    // The PRNG takes 32 bits, as a Schedule's seed does: 2^32 would otherwise run as another seed or not replay.
    await expect(explore(gridSystem(1), { strategy: "random", seed: 2 ** 32 })).rejects.toThrow(/explore options seed/);
    await expect(explore(gridSystem(1), { strategy: "random", seed: -1 })).rejects.toThrow(/explore options seed/);
  });
});
