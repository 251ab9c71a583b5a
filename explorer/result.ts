import { z } from "zod";
import { scheduleSchema } from "../spec/common/schedule.ts";

export const verdictSchema = z.enum(["pass", "violation", "incomplete"]);
export type Verdict = z.infer<typeof verdictSchema>;

export const limitSchema = z.enum(["states", "depth", "time", "memory", "interrupted", "walks"]);
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
});

export type Result = z.infer<typeof resultSchema>;
