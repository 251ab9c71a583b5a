import { z } from "zod";
import { scheduleSchema } from "../spec/common/schedule.ts";

/**
 * "pass": the whole reachable space checked, nothing violated. "violation": a property broken,
 * with a counterexample. "incomplete": cut short by a limit, an abort or an error. "no-violation":
 * a finished simulation (every random walk ran, nothing violated) — evidence, not a proof.
 */
export const verdictSchema = z.enum(["pass", "violation", "incomplete", "no-violation"]);
export type Verdict = z.infer<typeof verdictSchema>;

/** What cut an "incomplete" run short; "error": the system threw (see `error`). */
export const limitSchema = z.enum(["states", "depth", "time", "memory", "interrupted", "error"]);
export type LimitKind = z.infer<typeof limitSchema>;

/** What one run of the explorer found (docs/ARCHITECTURE.md, "Result"). */
export const resultSchema = z.object({
  model: z.string(),
  result: verdictSchema,
  property: z.string().optional(),
  distinctStates: z.number().int().nonnegative(),
  transitions: z.number().int().nonnegative(),
  maxDepth: z.number().int().nonnegative(),
  seconds: z.number().nonnegative(),
  statesPerSecond: z.number().nonnegative(),
  limitHit: limitSchema.optional(),
  counterexample: scheduleSchema.optional(),
  seed: z.number().int(),
  strategy: z.enum(["bfs", "dfs", "random"]).optional(),
  /** States per BFS depth, when the strategy is BFS. */
  statesPerDepth: z.array(z.number().int().nonnegative()).optional(),
  /** Terminal (no enabled action) states seen. */
  terminalStates: z.number().int().nonnegative().optional(),
  /** Terminal states failing the system's `terminal` property (counted in full with stopAtFirstViolation: false). */
  terminalViolations: z.number().int().nonnegative().optional(),
  /** Violating states per property name, as far as the run went. */
  violationCounts: z.record(z.string(), z.number().int().nonnegative()).optional(),
  /** Visited-set memory per stored state (index, keys or fingerprints, parent log). */
  bytesPerState: z.number().nonnegative().optional(),
  /** Fingerprint mode: upper estimate of the probability that a state was omitted (n²/2⁶⁵). */
  omissionProbability: z.number().min(0).max(1).optional(),
  /** DFS or random walk: the length of the counterexample as found, before it was shrunk. */
  shrunkFrom: z.number().int().positive().optional(),
  /** Random walk: walks completed (all of them for "no-violation"; fewer when cut short or a violation stopped it). */
  runs: z.number().int().nonnegative().optional(),
  /** Random walk: the length bound of one walk. */
  maxSteps: z.number().int().nonnegative().optional(),
  /** limitHit "error": the message of what the system threw mid-search (a bug in the model), one line. */
  error: z.string().optional(),
}).superRefine((result, ctx) => {
  // explore() writes one name into both; a file where they differ would be rendered as a run of
  // one model and replayed as a run of the other.
  if (result.counterexample !== undefined && result.counterexample.model !== result.model) {
    ctx.addIssue({
      code: "custom",
      path: ["counterexample", "model"],
      message: `${shown(result.counterexample.model)} is another model than the Result's ${shown(result.model)}; a counterexample is a run of the Result's own model`,
    });
  }
});

/** A model name as a message quotes it: at most 80 characters. */
function shown(name: string): string {
  const quoted = JSON.stringify(name);
  return quoted.length > 80 ? `${quoted.slice(0, 79)}…` : quoted;
}

export type Result = z.infer<typeof resultSchema>;
