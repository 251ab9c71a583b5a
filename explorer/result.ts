import { z } from "zod";
import { scheduleSchema } from "../spec/common/schedule.ts";

export const verdictSchema = z.enum(["pass", "violation", "incomplete"]);
export type Verdict = z.infer<typeof verdictSchema>;

export const limitSchema = z.enum(["states", "depth", "time", "memory", "interrupted"]);
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
});

export type Result = z.infer<typeof resultSchema>;
