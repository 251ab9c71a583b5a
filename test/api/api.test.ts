import { describe, expect, it } from "vitest";
import { check, defineModel, defineProtocol, explore, replay, simulate, InputError } from "../../api/index.ts";
import { linksConfigSchema, linksProtocol } from "../../models/links/links-protocol.ts";
import { linksModel } from "./links-models.ts";

/**
 * The public API (api/index.ts) on the smallest protocol with liveness: a user's protocol
 * declaration becomes a model, which check, explore, simulate and replay take as the CLI does.
 */
const retransmit = linksModel("links/api_retransmit", "links/retransmit");
const rearm = linksModel("links/api_rearm", "links/rearm_without_resend");

describe("the public API", () => {
  it("check: the pinned BFS, judged against the model's expectation", async () => {
    const outcome = await check(retransmit);
    expect(outcome.asExpected).toBe(true);
    expect(outcome.result).toMatchObject({ model: "links/api_retransmit", result: "pass", distinctStates: 38, maxDepth: 7, transitions: 70 });
    const drifted = await check(defineModel({ ...specOf(retransmit), expected: { ...retransmit.expected, distinctStates: 39 } }));
    expect(drifted.judgement).toEqual({ outcome: "unexpected", reasons: ["distinct states 38 differ from the pinned 39"] });
  });

  it("check finds a violation with a counterexample that replay reproduces", async () => {
    const outcome = await check(rearm);
    expect(outcome.asExpected).toBe(true);
    expect(outcome.result.counterexample?.cycleFrom).toBe(2);
    const replayed = replay(rearm, outcome.result);
    expect(replayed.steps).toHaveLength(3);
    expect(replay(rearm, outcome.result.counterexample)).toEqual(replayed);
  });

  it("explore and simulate take other searches: only the verdict is judged", async () => {
    const limited = await explore(retransmit, { maxStates: 5 });
    expect(limited.result).toMatchObject({ result: "incomplete", limitHit: "states" });
    expect(limited.judgement.outcome).toBe("incomplete");
    const dfs = await explore(retransmit, { strategy: "dfs", maxDepth: 20 });
    expect(dfs.asExpected).toBe(true);
    const sample = await simulate(retransmit, { runs: 20, seed: 7, maxSteps: 10 });
    expect(sample.result).toMatchObject({ result: "no-violation", runs: 20, seed: 7 });
    expect(sample.asExpected).toBe(true);
  });

  it("bad definitions and inputs are one-line InputErrors naming the field", () => {
    expect(() => defineModel({ ...specOf(retransmit), name: "Links API" })).toThrow(InputError);
    expect(() => defineModel({ ...specOf(retransmit), name: "Links API" })).toThrow(/name "Links API" must be "<protocol>\/<configuration>"/);
    expect(() => defineModel({ ...specOf(retransmit), expected: { ...retransmit.expected, result: "maybe" as "pass" } })).toThrow(/expected\.result must be "pass" or "violation"/);
    expect(() => defineProtocol({ ...linksProtocol, actors: undefined as never })).toThrow(/protocol "links": actors must be a function of the config/);
    expect(() => replay(retransmit, { steps: "none" })).toThrow(InputError);
  });
});

function specOf(model: typeof retransmit) {
  return { name: model.name, description: model.description, protocol: linksProtocol, configSchema: linksConfigSchema, config: model.config, expected: model.expected };
}
