import type { ExploreOptions } from "../explorer/options.ts";
import type { Result } from "../explorer/result.ts";
import type { ModelDefinition } from "./model.ts";

/** The search settings a model is checked with (the explorer's options that choose the space). */
export type PinnedSearch = Pick<ExploreOptions, "strategy" | "maxStates" | "maxDepth" | "fingerprint" | "seed" | "walks">;

/** The search `check` runs a model with: its pinned simulation where it has one, else exhaustive BFS. */
export function pinnedSearchOf(model: ModelDefinition, maxStates: number | undefined): PinnedSearch {
  const simulation = model.simulation;
  if (simulation === undefined) return { strategy: "bfs", maxStates, seed: 0 };
  return { strategy: "random", walks: simulation.walks, maxDepth: simulation.maxSteps, seed: simulation.seed, maxStates };
}

/**
 * Only the search the manifest's figures were pinned on explores their space: an unbounded,
 * exact BFS, or the model's own seeded simulation (`ModelDefinition.simulation`).
 */
export function comparesFigures(model: ModelDefinition, limits: PinnedSearch): boolean {
  const simulation = model.simulation;
  if (simulation !== undefined) return limits.strategy === "random" && limits.walks === simulation.walks && limits.maxDepth === simulation.maxSteps && limits.seed === simulation.seed;
  return (limits.strategy ?? "bfs") === "bfs" && limits.maxDepth === undefined && limits.fingerprint !== true;
}

/** Whether a saved Result comes from the search its model's figures were pinned on (`report` judges its figures then). */
export function isPinnedSearch(model: ModelDefinition, result: Result): boolean {
  if (result.limitHit !== undefined) return false;
  const simulation = model.simulation;
  if (simulation === undefined) return (result.strategy ?? "bfs") === "bfs";
  return result.strategy === "random" && result.runs === simulation.walks && result.maxSteps === simulation.maxSteps && result.seed === simulation.seed;
}

/** What `judge` compares for a run under `limits`: figures where they are the pinned search's, a sample's where it is a simulation. */
export function judgeOptionsOf(model: ModelDefinition, limits: PinnedSearch): { figures: boolean; sample: boolean } {
  const figures = comparesFigures(model, limits);
  return { figures, sample: figures && model.simulation !== undefined };
}
