import { z } from "zod";
import { livenessFinding } from "./verdict.ts";

/**
 * reports/baseline.json: what each model's check found, as `audit` compares it — the verdict,
 * the figures and the lengths of what was found, never the schedules themselves (a schedule's
 * message ids change with any refactoring of a spec that keeps its behaviour). Deterministic on
 * purpose: no timestamps, no hash of the sources, models in name order and every record's keys
 * sorted, so the committed file changes only where behaviour did and diffs cleanly in review.
 */
// Version 1. A file of another version is refused (exit 2) rather than read as this one.
export const BASELINE_VERSION = 1;

const count = () => z.number().int().nonnegative();

// Fields are `.describe()`d rather than commented: docs/cli.md renders them.
const livenessFindingSchema = z
  .union([
    z.object({ verdict: z.literal("holds"), bound: count().optional() }).strict(),
    z.object({ verdict: z.literal("violated"), stem: count(), cycle: count() }).strict(),
    z.object({ verdict: z.literal("undecided"), steps: count() }).strict(),
    z.object({ verdict: z.literal("unchecked") }).strict(),
  ])
  .describe('What the run found of one liveness property, as the manifest pins it: holds (within `bound` steps of GST), violated (a lasso of `stem` steps then a `cycle`), undecided (a run of `steps` to the cut-off), or unchecked.');

export type LivenessFinding = z.infer<typeof livenessFindingSchema>;

export const baselineEntrySchema = z
  .object({
    result: z.enum(["pass", "violation", "incomplete", "no-violation"]).describe("The verdict (see Result)."),
    property: z.string().optional().describe("A violation's property."),
    violationKind: z.enum(["invariant", "deadlock", "liveness"]).optional().describe("A violation's kind."),
    distinctStates: count().describe("Distinct states explored."),
    maxDepth: count().describe("The greatest depth reached."),
    transitions: count().describe("Transitions explored."),
    counterexampleLength: count().optional().describe("A violation's counterexample, in steps (for BFS, a shortest one)."),
    sometimes: z.record(z.string(), count().nullable()).optional().describe("Each `sometimes` property → its witness's length in steps, null when never reached."),
    liveness: z.record(z.string(), livenessFindingSchema).optional().describe("Each liveness property → what the run found of it."),
    strategy: z.enum(["bfs", "dfs", "random"]).describe("The search: bfs, or random for a model's pinned simulation."),
    runs: count().optional().describe("A simulation's random runs."),
    maxSteps: count().optional().describe("A simulation's longest run allowed."),
    seed: z.number().int().optional().describe("A simulation's seed."),
  })
  .strict();
export type BaselineEntry = z.infer<typeof baselineEntrySchema>;

export const baselineSchema = z
  .object({
    version: z.literal(BASELINE_VERSION).describe(`The format's version: ${BASELINE_VERSION}.`),
    models: z.record(z.string(), baselineEntrySchema).describe("One entry per model, by registry name, in name order."),
  })
  .strict();
export type Baseline = z.infer<typeof baselineSchema>;

/**
 * The fields of a Result a baseline reads. Loose on purpose: `audit --base` reads the Results
 * another commit's CLI printed, which may carry fields this version does not know.
 */
export const auditedResultSchema = z.object({
  model: z.string(),
  result: baselineEntrySchema.shape.result,
  property: z.string().optional(),
  violationKind: baselineEntrySchema.shape.violationKind,
  distinctStates: count(),
  maxDepth: count(),
  transitions: count(),
  counterexample: z.object({ steps: z.array(z.unknown()) }).optional(),
  sometimes: z.array(z.object({ name: z.string(), witness: z.object({ steps: z.array(z.unknown()) }).optional() })).optional(),
  liveness: z
    .array(
      z.object({
        name: z.string(),
        kind: z.enum(["eventually", "always-eventually"]),
        verdict: z.enum(["holds", "violated", "undecided", "unchecked"]),
        bound: count().optional(),
        lasso: z.object({ steps: z.array(z.unknown()), cycleFrom: count().optional() }).optional(),
        cutOffRun: z.object({ steps: z.array(z.unknown()) }).optional(),
      }),
    )
    .optional(),
  strategy: baselineEntrySchema.shape.strategy.optional(),
  runs: count().optional(),
  maxSteps: count().optional(),
  seed: z.number().int(),
});
export type AuditedResult = z.infer<typeof auditedResultSchema>;

/** One model's entry; fields in a fixed order, records with sorted keys. */
export function baselineEntryOf(result: AuditedResult): BaselineEntry {
  const strategy = result.strategy ?? "bfs";
  return {
    result: result.result,
    ...(result.property === undefined ? {} : { property: result.property }),
    ...(result.violationKind === undefined ? {} : { violationKind: result.violationKind }),
    distinctStates: result.distinctStates,
    maxDepth: result.maxDepth,
    transitions: result.transitions,
    ...(result.counterexample === undefined ? {} : { counterexampleLength: result.counterexample.steps.length }),
    ...(result.sometimes === undefined || result.sometimes.length === 0 ? {} : { sometimes: sortedRecord(result.sometimes.map((s) => [s.name, s.witness?.steps.length ?? null])) }),
    ...(result.liveness === undefined || result.liveness.length === 0 ? {} : { liveness: sortedRecord(result.liveness.map((l) => [l.name, findingOf(l)])) }),
    strategy,
    // A simulation's figures are those of its sample: the sample is part of what is compared.
    ...(strategy === "random" ? { ...(result.runs === undefined ? {} : { runs: result.runs }), ...(result.maxSteps === undefined ? {} : { maxSteps: result.maxSteps }), seed: result.seed } : {}),
  };
}

/** A liveness entry in the form the manifest pins it (verdict.ts), "unchecked" where nothing was decided. */
function findingOf(entry: NonNullable<AuditedResult["liveness"]>[number]): LivenessFinding {
  // livenessFinding reads only the verdict, the bound and the lengths of the lasso and the cut-off run.
  return livenessFinding(entry as Parameters<typeof livenessFinding>[0]) ?? { verdict: "unchecked" };
}

/** The baseline of these Results (one per model; a later Result of a model replaces an earlier one). */
export function baselineOf(results: readonly AuditedResult[]): Baseline {
  return { version: BASELINE_VERSION, models: sortedRecord(results.map((result) => [result.model, baselineEntryOf(result)])) };
}

/** The file's text: two-space JSON and a final newline, as the committed file is. */
export function baselineText(baseline: Baseline): string {
  return `${JSON.stringify({ version: baseline.version, models: sortedRecord(Object.entries(baseline.models)) }, null, 2)}\n`;
}

/**
 * Code-unit order, not locale order: the same on every machine. Object.fromEntries, not
 * assignment: a model named "__proto__" must stay an entry, not become the record's prototype.
 */
function sortedRecord<T>(entries: readonly (readonly [string, T])[]): Record<string, T> {
  return Object.fromEntries([...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
