import type { z } from "zod";
import type { TransitionSystem } from "../explorer/transition-system.ts";
import type { Coverage } from "../spec/common/coverage.ts";

/**
 * A named, bounded, checkable configuration (docs/ARCHITECTURE.md, "Models and the manifest").
 * `build(config)` must accept exactly what `configSchema` accepts, so that a Schedule's
 * `config` rebuilds the model it was found in (replay).
 */
export interface ModelDefinition<C = unknown> {
  /** Registry name, e.g. "pbft/n4_f1" (models are named by their parameters). */
  name: string;
  /** One or two sentences for `list` and the reports: what is modelled and why. */
  description: string;
  /** Timing and authentication model the check runs under (seed catalogue ground rule 3). */
  assumptions: string;
  configSchema: z.ZodType<C>;
  /** The configuration this model runs with (also written into counterexample Schedules). */
  config: C;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  build(config: C): TransitionSystem<any, any>;
  /**
   * What a check of `config` covers (bounds, faults, budgets, time), shown in every report and by
   * `list`: derived from the config and the protocol's declarations, never written by hand, so
   * that a pass says what it is a pass of and a changed config changes the claim.
   */
  covers(config: C): Coverage;
  /** Warnings about the configuration itself (e.g. n < 3f+1 on purpose), shown in every report. */
  warnings?(config: C): string[];
  expected: Expectation;
  /**
   * "full": too long for every `check --all` (the manifest of `npm test`), checked by
   * `check --all --profile full` and by name (models/profile.ts); absent: "quick".
   */
  profile?: "full";
  /**
   * Where an exhaustive run is beyond reach (TLC's `-simulate`): `check` runs this seeded
   * simulation instead of BFS. Seeded, it reproduces exactly, so its figures — distinct states
   * met, the longest run, steps taken, each `sometimes` witness — are pinned and judged as BFS's
   * are; its claim is a sample's, and its coverage says so (`coversOf`).
   */
  simulation?: ModelSimulation;
}

/** A model's pinned simulation: `walks` random runs of at most `maxSteps` steps from `seed`. */
export interface ModelSimulation {
  walks: number;
  maxSteps: number;
  seed: number;
}

/** What a check of the model covers: its config's coverage, plus the simulation's sample where it has one. */
export function coversOf<C>(model: Pick<ModelDefinition<C>, "covers" | "simulation">, config: C): Coverage {
  const covers = model.covers(config);
  const simulation = model.simulation;
  if (simulation === undefined) return covers;
  const sample = `a seeded simulation, not exhaustive: ${simulation.walks.toLocaleString("en")} random runs of at most ${simulation.maxSteps.toLocaleString("en")} steps each (seed ${simulation.seed})`;
  return { ...covers, bounds: [...covers.bounds, sample] };
}

/** The pinned expectation of a model: a change in behaviour is a diff in review. */
export interface Expectation {
  result: "pass" | "violation";
  /** The property expected to be violated (result "violation"). */
  property?: string;
  /** Distinct states: of the whole space (pass), or explored until the violation was found (BFS). */
  distinctStates: number;
  /** Max BFS depth reached; for a violation, the shortest counterexample's length in steps. */
  maxDepth: number;
  /** Transitions (edges) explored; pinned where exhaustive. */
  transitions?: number;
  /**
   * Each `sometimes` property the model declares → the length of its shortest witness (BFS), so
   * that reaching it later, sooner or not at all is a diff in review. Pinned for models expected
   * to pass, which must declare what they reach (a pass that reaches nothing proves nothing).
   */
  sometimes?: Record<string, number>;
  /**
   * Each liveness property the model declares → what the run finds of it: holds, with the
   * bound B in steps after GST where one exists (absent: only under fairness), or violated by
   * a lasso of `stem` steps then a `cycle` of steps repeated for ever (0: a deadlock), or
   * undecided: a run of `steps` reaches the model's cut-off after GST without P.
   */
  liveness?: Record<string, LivenessPin>;
}

export type LivenessPin = { verdict: "holds"; bound?: number } | { verdict: "violated"; stem: number; cycle: number } | { verdict: "undecided"; steps: number };

/**
 * Whether a value is a model, by shape, not by class: a model built through another copy of
 * consensus-check (the user's node_modules) is as good as one of ours (`--models`, the vitest matchers).
 */
export function isModelDefinition(value: unknown): value is ModelDefinition {
  if (value === null || typeof value !== "object") return false;
  const candidate = value as Partial<ModelDefinition>;
  return (
    typeof candidate.name === "string" &&
    typeof candidate.description === "string" &&
    typeof candidate.build === "function" &&
    typeof candidate.covers === "function" &&
    typeof (candidate.configSchema as { safeParse?: unknown } | undefined)?.safeParse === "function" &&
    typeof candidate.expected === "object" &&
    candidate.expected !== null
  );
}
