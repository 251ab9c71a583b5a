import { describe, expect, it } from "vitest";
import { explore } from "../../explorer/index.ts";
import { models } from "../../models/registry.ts";
import { judge } from "../../reporting/verdict.ts";

/**
 * The manifest (TLA+ Examples' manifest.json, Stateright's pinned counts): every bundled
 * model is explored as `check` explores it, and its verdict, violated property, distinct
 * states, depth and transitions must equal the pins, so any change in behaviour fails here.
 * A model expected to pass also pins what it must reach (Stateright's `sometimes`), each with
 * its shortest witness's length: a pass that no longer reaches one is vacuous, and fails.
 */
describe("every bundled model matches its pinned expectation", () => {
  it("has unique names made of the protocol and its parameters", () => {
    const names = models.map((model) => model.name);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(/^[a-z-]+\/[a-z0-9_]+$/);
  });

  for (const model of models) {
    it(`${model.name}: ${model.expected.result}${model.expected.property ? ` (${model.expected.property})` : ""}, ${model.expected.distinctStates} states, depth ${model.expected.maxDepth}`, async () => {
      expect(model.configSchema.parse(model.config)).toEqual(model.config);
      const result = await explore(model.build(model.config), { model: model.name, config: model.config as Record<string, unknown>, strategy: "bfs", seed: 0 });
      if (model.expected.result === "pass") {
        expect(Object.keys(model.expected.sometimes ?? {}), "a model expected to pass pins what it must reach").not.toHaveLength(0);
        const reached = Object.fromEntries((result.sometimes ?? []).map((entry) => [entry.name, entry.witness?.steps.length ?? "never reached"]));
        expect(reached).toEqual(model.expected.sometimes);
      }
      expect(judge(result, model.expected)).toEqual({ outcome: "as-expected", reasons: [] });
    });
  }
});
