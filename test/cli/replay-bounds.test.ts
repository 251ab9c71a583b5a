import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { expectOneLineError, runCli } from "./run-cli.ts";

const directory = mkdtempSync(join(tmpdir(), "replay-bounds-"));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

const fixture = JSON.parse(readFileSync(new URL("../models/pbft/fixtures/n3_f1.schedule.json", import.meta.url), "utf8")) as {
  config: Record<string, unknown>;
  steps: unknown[];
};

let count = 0;
function scheduleFile(change: (schedule: typeof fixture) => unknown): string {
  const file = join(directory, `schedule-${count++}.json`);
  writeFileSync(file, JSON.stringify(change(structuredClone(fixture))));
  return file;
}
const withConfig = (config: Record<string, unknown>) => scheduleFile((schedule) => ({ ...schedule, config: { ...schedule.config, ...config } }));

/**
 * Before the bounds, each of these configs made `replay` allocate per replica, client or
 * request until it ran out of memory or time; now each is refused before anything is built.
 */
describe("replay refuses a schedule whose config is too big to run, in one line and at once", () => {
  it("replays the fixture as it is (the bounds leave it alone)", async () => {
    const run = await runCli("replay", scheduleFile((schedule) => schedule));
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/reproduced: agreement, total order violated at step 12/);
  });

  it.each([
    ["n = 10^9", { n: 1e9 }, /^consensus-check: schedule config n: must be at most 31 \(a bigger cluster cannot be model-checked/],
    ["clients = 10^6", { clients: 1e6 }, /^consensus-check: schedule config clients: must be at most 16 \(/],
    ["requests = 10^9", { requests: 1e9 }, /^consensus-check: schedule config requests: must be at most 256 \(/],
    ["n = 2^53", { n: 2 ** 53 }, /^consensus-check: schedule config n: must be (an integer|at most 31)/],
    ["window = 10^9", { window: 1e9 }, /^consensus-check: schedule config window: must be at most 4096 /],
    ["adversarySlots = 10^9", { adversarySlots: 1e9 }, /^consensus-check: schedule config adversarySlots: must be at most 64 /],
    ["n = 16 with 16 clients of 2 requests", { n: 16, clients: 16, requests: 2 }, /^consensus-check: schedule config: n² × clients × requests is 8192, more than 4096/],
    ["n = 31 with 2 clients", { n: 31, clients: 2 }, /^consensus-check: schedule config: n \+ clients is 33, more than 32/],
  ])("%s", async (_what, config, message) => {
    const started = performance.now();
    expectOneLineError(await runCli("replay", withConfig(config)), message);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it("refuses a seed the PRNG cannot take and a step list over the bound", async () => {
    expectOneLineError(await runCli("replay", scheduleFile((schedule) => ({ ...schedule, seed: 2 ** 40 }))), /^consensus-check: schedule seed: expected a whole number from 0 to 4294967295 \(the PRNG is seeded with 32 bits/);
    const steps = scheduleFile((schedule) => ({ ...schedule, steps: Array.from({ length: 1_000_001 }, () => ({ heal: true })) }));
    expectOneLineError(await runCli("replay", steps), /^consensus-check: schedule steps: a schedule has at most 1000000 steps/);
  });
});
