import { describe, it } from "vitest";
import type { ModelDefinition } from "../../../models/model.ts";
import { models } from "../../../models/registry.ts";
import { assertSearchesAgree, BOUNDED_STATES, comparisonOf, depthBoundOf, reachesCounterexample } from "./model-searches.ts";

/**
 * BFS and DFS agree on every model of the registry: the whole space where it is small enough
 * and expected to pass (the manifest pins its size), else within a depth bound chosen from the
 * model's own BFS levels (for a violation found within 30,000 states, at least as deep as its
 * counterexample), so that the 1.14 M-state oracles and the larger PBFT models are never
 * explored in full again.
 */
const bounded = (model: ModelDefinition<unknown>): string =>
  `within the deepest depth bound whose BFS levels hold ≤ ${BOUNDED_STATES.toLocaleString("en")} states` +
  `${reachesCounterexample(model) ? `, at least the counterexample's ${model.expected.maxDepth} steps` : ""} (the whole space when smaller)`;

describe.each(models.map((model) => [model.name, model as ModelDefinition<unknown>] as const))("%s: BFS and DFS agree", (_name, model) => {
  if (comparisonOf(model) === "whole space") {
    it(`store the same ${model.expected.distinctStates.toLocaleString("en")} states over the whole space, both "pass"`, async () => {
      await assertSearchesAgree(model, model.build(model.config), undefined);
    });
  } else {
    it(`store the same states and count the same violations ${bounded(model)}`, async () => {
      const system = model.build(model.config);
      await assertSearchesAgree(model, system, await depthBoundOf(model, system));
    });
  }
});
