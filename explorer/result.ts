import { z } from "zod";
import { scheduleSchema } from "../spec/common/schedule.ts";

// Field descriptions are `.describe()`d rather than commented: docs/cli.md renders them.

export const verdictSchema = z
  .enum(["pass", "violation", "incomplete", "no-violation"])
  .describe(
    '"pass": the whole reachable space checked, nothing violated. "violation": a property broken, with a counterexample. ' +
      '"incomplete": cut short by a limit, an abort or an error. "no-violation": a finished simulation (every random walk ran, nothing violated): evidence, not a proof.',
  );
export type Verdict = z.infer<typeof verdictSchema>;

export const limitSchema = z
  .enum(["states", "depth", "time", "memory", "interrupted", "error"])
  .describe('What cut an "incomplete" run short; "interrupted": a signal; "error": the system threw (see `error`).');
export type LimitKind = z.infer<typeof limitSchema>;

const count = () => z.number().int().nonnegative();

/** One `sometimes` property of the system and whether the run reached a state where it holds. */
export const sometimesResultSchema = z
  .object({
    name: z.string().describe('The property\'s name, e.g. "a value chosen".'),
    discovered: z.boolean().describe("Whether some explored state satisfies it. An exhaustive pass where one is false may be vacuous."),
    witness: scheduleSchema
      .optional()
      .describe("When discovered: the schedule from the initial state to the first state found where it holds (for BFS, a shortest one); saved as a schedule file, `replay --expect pass` re-runs it."),
    shrunkFrom: z.number().int().positive().optional().describe("DFS or random walk: the witness's length as found, before it was shrunk."),
  })
  .strict();
export type SometimesResult = z.infer<typeof sometimesResultSchema>;

/** One liveness property of the system and what the run found of it. */
export const livenessResultSchema = z
  .object({
    name: z.string().describe('The property\'s name, e.g. "every request executed".'),
    kind: z.enum(["eventually", "always-eventually"]).describe('"eventually P": every fair run reaches P; "always-eventually": every fair run reaches P again and again.'),
    verdict: z
      .enum(["holds", "violated", "undecided", "unchecked"])
      .describe(
        '"holds": every fair run reaches P (before any cut-off); "violated": a fair lasso avoids P; "undecided": a run reaches the model\'s cut-off after GST without P (the bound, not the protocol, stops it: see `cutOffRun`); "unchecked": the run could not decide (see `reason`).',
      ),
    bound: count()
      .optional()
      .describe("Holds: the most steps any run takes after GST (after the start, without GST; after each P, for always-eventually) before P. Absent where P is reached only under fairness, with no bound in steps."),
    lasso: scheduleSchema.optional().describe("Violated: a fair run that avoids P for ever, as a Schedule whose steps from `cycleFrom` repeat (or that ends in a deadlock)."),
    cutOffRun: scheduleSchema.optional().describe("Undecided: a shortest run to a cut-off state after GST in which P never held."),
    cutOffStates: count().optional().describe("States at the model's cut-off (e.g. a replica whose timer fired in the last modelled view), when the model declares one: runs end there."),
    cutOffBeforeGst: count()
      .optional()
      .describe("Of those, the ones before GST: runs in which the adversary spent the model's bound while the system was still asynchronous, which the check does not judge."),
    reason: z.string().optional().describe("Unchecked: why (a limit hit, a strategy other than BFS, a resumed run). Undecided in an asynchronous model (no GST): that termination is not guaranteed, the cut-off run being an FLP witness."),
  })
  .strict();
export type LivenessResult = z.infer<typeof livenessResultSchema>;

/** What one run of the explorer found (docs/ARCHITECTURE.md, "Result"). */
export const resultSchema = z.object({
  model: z.string().describe("The model's registry name, e.g. pbft/n4_f1."),
  result: verdictSchema,
  property: z.string().optional().describe('"violation": the property violated.'),
  violationKind: z
    .enum(["invariant", "deadlock", "liveness"])
    .optional()
    .describe('"violation": what kind of property: an invariant failing in a reachable state; a deadlock (the bounded termination property failing in a state with no enabled action); a liveness property with a fair lasso.'),
  distinctStates: count().describe("Distinct states explored."),
  transitions: count().describe("Transitions (edges) explored."),
  maxDepth: count().describe("The greatest depth reached, in steps from an initial state."),
  seconds: z.number().nonnegative().describe("Seconds spent exploring (a resumed run counts the runs before it too)."),
  statesPerSecond: z.number().nonnegative(),
  limitHit: limitSchema.optional(),
  counterexample: scheduleSchema.optional().describe("A violation's schedule, ready for `replay` (for BFS, a shortest one)."),
  seed: z.number().int().describe("The seed every random choice flowed from (0 for exhaustive search)."),
  strategy: z.enum(["bfs", "dfs", "random"]).optional(),
  statesPerDepth: z.array(count()).optional().describe("States per BFS depth, when the strategy is BFS."),
  terminalStates: count().optional().describe("Terminal (no enabled action) states seen."),
  terminalViolations: count().optional().describe("Terminal states failing the system's `terminal` property (counted in full with stopAtFirstViolation: false)."),
  violationCounts: z.record(z.string(), count()).optional().describe("Violating states per property name, as far as the run went."),
  bytesPerState: z.number().nonnegative().optional().describe("Visited-set memory per stored state (index, keys or fingerprints, parent log)."),
  omissionProbability: z.number().min(0).max(1).optional().describe("Fingerprint mode: upper estimate of the probability that a state was omitted (n²/2⁶⁵)."),
  shrunkFrom: z.number().int().positive().optional().describe("DFS or random walk: the length of the counterexample as found, before it was shrunk."),
  runs: count().optional().describe('Random walk: walks completed (all of them for "no-violation"; fewer when cut short or a violation stopped it).'),
  maxSteps: count().optional().describe("Random walk: the length bound of one walk."),
  error: z.string().optional().describe('limitHit "error": the message of what the system threw mid-search (a bug in the model), one line.'),
  sometimes: z
    .array(sometimesResultSchema)
    .optional()
    .describe(
      "The system's `sometimes` properties (Stateright's `Property::sometimes`): states that must be reachable, so that a pass is not vacuous; each discovered or not, as far as the run went. " +
        "Absent when the system declares none or the run checked no properties (checkInvariants: false).",
    ),
  liveness: z
    .array(livenessResultSchema)
    .optional()
    .describe("The system's liveness properties under weak fairness (explorer/README.md, Liveness): each holds with its bound, is violated with a lasso, undecided with a run to the cut-off, or is unchecked. Absent when the system declares none."),
  graphBytesPerState: z.number().nonnegative().optional().describe("Liveness: memory per state of the explored graph kept for the liveness checks (its edges included)."),
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
  const names = new Set<string>();
  for (const [index, entry] of (result.sometimes ?? []).entries()) {
    // Reports list them by name and judge each: a name twice would be judged twice, or hidden.
    if (names.has(entry.name)) ctx.addIssue({ code: "custom", path: ["sometimes", index, "name"], message: `${shown(entry.name)} is listed twice; each sometimes property once` });
    names.add(entry.name);
    if (entry.discovered !== (entry.witness !== undefined)) {
      ctx.addIssue({ code: "custom", path: ["sometimes", index, "witness"], message: entry.discovered ? "a discovered property has a witness" : "a property never discovered has no witness" });
    }
    if (entry.witness !== undefined && entry.witness.model !== result.model) {
      ctx.addIssue({
        code: "custom",
        path: ["sometimes", index, "witness", "model"],
        message: `${shown(entry.witness.model)} is another model than the Result's ${shown(result.model)}; a witness is a run of the Result's own model`,
      });
    }
  }
});

/** A model name as a message quotes it: at most 80 characters. */
function shown(name: string): string {
  const quoted = JSON.stringify(name);
  return quoted.length > 80 ? `${quoted.slice(0, 79)}…` : quoted;
}

export type Result = z.infer<typeof resultSchema>;
