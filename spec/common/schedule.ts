import { z } from "zod";

/**
 * The one Schedule format (docs/ARCHITECTURE.md): at once an explorer counterexample, a
 * fast-check input, a replay file and a regression test. Each step is one atomic action of
 * a TransitionSystem; `replay(schedule)` must reproduce the same states step by step.
 */

/**
 * Bounds of a Schedule file, so that reading one is linear and small whatever it holds. A run
 * of the largest PBFT configs within spec/pbft/limits.ts is some 7,000 steps (a few times
 * that where the network duplicates), a counterexample a few dozen: a million steps is room
 * for any model to come, and a list that long is refused before its steps are parsed. A message
 * id is the protocol's id and "from->to" (impl/runtime/runtime-steps.ts); PBFT's carries at most
 * an op (REQUEST) or a result, which is the op and a counter (REPLY).
 */
export const SCHEDULE_LIMITS = {
  steps: 1_000_000,
  /** Characters of a client operation; the models' own are like "op0.1". */
  op: 256,
  /** Characters of a message id: an op of the longest kind and the message's fields. */
  messageId: 1_024,
  /** Characters of a model name or a step kind's name, and of a step field's name. */
  name: 128,
  /** Fields of a protocol step besides `step` and `actor` (the models use at most 6). */
  stepFields: 16,
  /** Actors of a model: the runtime's (impl/runtime/state-layout.ts MAX_ACTORS, which spec/ may not import). */
  actors: 32,
  /** The PRNG (explorer/prng.ts) is seeded with 32 bits: its MAX_SEED, which spec/ may not import. */
  seed: 0xffffffff,
} as const;

const boundedString = (maximum: number, what: string) =>
  z
    .string({ error: `expected ${what} as a string` })
    .min(1, `expected ${what}, not an empty string`)
    .max(maximum, `${what} must be at most ${maximum} characters`);
// Descriptions are `.describe()`d rather than commented: docs/cli.md renders them.
const messageId = boundedString(SCHEDULE_LIMITS.messageId, "a message id").describe('A message in flight, named by its stable, human-readable id, e.g. "PREPARE v0 n1 d:3fa2c1 R2->R3".');

/** What an actor's name may be: the runtime refuses any other when a protocol declares its actors. */
export const ACTOR_NAME = /^[A-Za-z][A-Za-z0-9_]{0,31}$/;
export const ACTOR_NAME_RULE = "a letter, then up to 31 letters, digits or _";
const actor = z
  .string({ error: `expected an actor name (${ACTOR_NAME_RULE})` })
  .regex(ACTOR_NAME, `expected an actor name (${ACTOR_NAME_RULE})`)
  .describe('An actor, by name, e.g. "R1" or "A1".');
/**
 * Structured endpoints of a message step, written by the runtime (impl/runtime) so that diagrams
 * need not read them out of the message id; optional in a file, as its author may leave them out.
 */
const endpoints = {
  from: actor.optional().describe("The sender (runtime models)."),
  to: actor.optional().describe("The receiver (runtime models)."),
};
/** A crash part-way through the step's sends: only the first `crashAfter` leave (runtime models). */
const crashAfter = z
  .number()
  .int("crashAfter must be a whole number")
  .nonnegative("crashAfter must be a whole number")
  .max(SCHEDULE_LIMITS.actors * 4, `crashAfter must be at most ${SCHEDULE_LIMITS.actors * 4}`)
  .optional()
  .describe("The actor crashes after sending only this many of the step's messages (runtime models with crashes part-way through a multicast).");

export const deliverStep = z.object({ deliver: messageId, ...endpoints, crashAfter }).strict().describe("The network delivers the message.");
export const dropStep = z.object({ drop: messageId, ...endpoints }).strict().describe("The network loses the message (models with network.drop).");
export const duplicateStep = z
  .object({ duplicate: messageId, ...endpoints })
  .strict()
  .describe("The network delivers the message again later (models with network.duplicate), or adds one more copy of it to the network (runtime models with a duplication budget).");
export const timeoutStep = z
  .object({ timeout: actor, timer: boundedString(SCHEDULE_LIMITS.name, "a timer name").optional().describe("Which of the actor's timers (runtime models)."), crashAfter })
  .strict()
  .describe("The actor's timer fires.");
export const crashStep = z.object({ crash: actor }).strict().describe("The actor crashes.");
export const recoverStep = z.object({ recover: actor }).strict().describe("The crashed actor recovers: it restarts from its initial state.");
export const partitionStep = z
  .object({
    partition: z
      .array(z.array(actor).max(SCHEDULE_LIMITS.actors, `a side lists at most ${SCHEDULE_LIMITS.actors} actors`))
      .min(2)
      .max(SCHEDULE_LIMITS.actors, `a partition has at most ${SCHEDULE_LIMITS.actors} sides`)
      .describe('The sides, each a list of actor names, e.g. [["P0", "A0"], ["A1", "A2"]].'),
  })
  .strict()
  .describe("The network splits: messages cross no border between two sides.");
export const healStep = z.object({ heal: z.literal(true) }).strict().describe("The partition heals.");
export const gstStep = z.object({ gst: z.literal(true) }).strict().describe("Global stabilisation time: from here on the network is synchronous.");
/** A protocol step's field: a JSON scalar or a short list of them, bounded in number and size. */
const protocolStepField: z.ZodType = z.lazy(() =>
  z.union(
    [
      z.string().max(SCHEDULE_LIMITS.messageId, `a protocol step's field must be a string of at most ${SCHEDULE_LIMITS.messageId} characters`),
      z.number(),
      z.boolean(),
      z.null(),
      z.array(protocolStepField).max(SCHEDULE_LIMITS.stepFields, `a protocol step's list has at most ${SCHEDULE_LIMITS.stepFields} items`),
    ],
    { error: `a protocol step's field must be a number, a boolean, null, a string of at most ${SCHEDULE_LIMITS.messageId} characters or a list of them` },
  ),
);
export const protocolStep = z
  .object({
    step: boundedString(SCHEDULE_LIMITS.name, "a step kind").describe('A step kind the model\'s protocol declares, e.g. "request" or "equivocate".'),
    actor: actor.describe("The actor that takes the step."),
  })
  .catchall(protocolStepField)
  .superRefine((step, ctx) => {
    const names = Object.keys(step).filter((key) => key !== "step" && key !== "actor");
    if (names.length > SCHEDULE_LIMITS.stepFields) ctx.addIssue({ code: "custom", message: `a protocol step has at most ${SCHEDULE_LIMITS.stepFields} fields, this one ${names.length}` });
    if (names.some((name) => name.length > SCHEDULE_LIMITS.name)) ctx.addIssue({ code: "custom", message: `a protocol step's field names are at most ${SCHEDULE_LIMITS.name} characters` });
  })
  .describe(
    "One of the protocol's own steps (a client's request, a Byzantine behaviour, …): `step` names its kind, `actor` the actor that takes it, every other key is a field of it, checked by the protocol's schema for that kind.",
  );
export const replayStep = z
  .object({ replay: messageId, ...endpoints })
  .strict()
  .describe("A Byzantine actor sends a copy of a message it has seen (runtime models with faults.replay).");

export const STEP_KINDS = [
  "step",
  "replay",
  "deliver",
  "drop",
  "duplicate",
  "timeout",
  "crash",
  "recover",
  "partition",
  "heal",
  "gst",
] as const;
export type StepKind = (typeof STEP_KINDS)[number];

/** Each step kind's schema, by the key that identifies it. */
export const stepSchemas = {
  step: protocolStep,
  replay: replayStep,
  deliver: deliverStep,
  drop: dropStep,
  duplicate: duplicateStep,
  timeout: timeoutStep,
  crash: crashStep,
  recover: recoverStep,
  partition: partitionStep,
  heal: healStep,
  gst: gstStep,
} as const;

/** A step is recognised by its one identifying key; anything else is an unknown step. */
export const scheduleStep = z.custom<ScheduleStep>().superRefine((value, ctx) => {
  const kind = stepKindOf(value);
  if (kind === undefined) {
    ctx.addIssue({
      code: "custom",
      message: `unknown step ${preview(value)}; a step is an object with one of the keys ${STEP_KINDS.join(", ")}`,
    });
    return;
  }
  const parsed = stepSchemas[kind].safeParse(value);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) ctx.addIssue({ code: "custom", message: issue.message, path: issue.path });
  }
});

export type ScheduleStep =
  | z.infer<typeof protocolStep>
  | z.infer<typeof replayStep>
  | z.infer<typeof deliverStep>
  | z.infer<typeof dropStep>
  | z.infer<typeof duplicateStep>
  | z.infer<typeof timeoutStep>
  | z.infer<typeof crashStep>
  | z.infer<typeof recoverStep>
  | z.infer<typeof partitionStep>
  | z.infer<typeof healStep>
  | z.infer<typeof gstStep>;

/** A step as the error message shows it: at most 80 characters, whatever the file holds. */
function preview(value: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}

export function stepKindOf(step: unknown): StepKind | undefined {
  if (typeof step !== "object" || step === null || Array.isArray(step)) return undefined;
  return STEP_KINDS.find((kind) => Object.prototype.hasOwnProperty.call(step, kind));
}

export const SCHEDULE_VERSION = 1;

export const scheduleSchema = z
  .object({
    version: z.literal(SCHEDULE_VERSION),
    model: boundedString(SCHEDULE_LIMITS.name, "a model name").describe('The model\'s name in the registry, e.g. "pbft/n3_f1".'),
    config: z.record(z.string(), z.unknown()).describe("The model's configuration as run (validated again by the model when replayed)."),
    seed: z
      .number({ error: `expected a whole number from 0 to ${SCHEDULE_LIMITS.seed} (the PRNG is seeded with 32 bits)` })
      .int(`expected a whole number from 0 to ${SCHEDULE_LIMITS.seed} (the PRNG is seeded with 32 bits)`)
      .min(0, `expected a whole number from 0 to ${SCHEDULE_LIMITS.seed} (the PRNG is seeded with 32 bits)`)
      .max(SCHEDULE_LIMITS.seed, `expected a whole number from 0 to ${SCHEDULE_LIMITS.seed} (the PRNG is seeded with 32 bits: explorer/prng.ts takes no more)`)
      .describe("The seed every random choice of the run flowed from (0 for exhaustive search)."),
    steps: z
      .array(scheduleStep)
      .max(SCHEDULE_LIMITS.steps, `a schedule has at most ${SCHEDULE_LIMITS.steps} steps (the longest run of any model is far shorter)`)
      .describe("The steps in order, each one atomic action (see the step kinds)."),
    cycleFrom: z
      .number({ error: "expected a step index from 0 to the number of steps" })
      .int("expected a step index from 0 to the number of steps")
      .min(0, "expected a step index from 0 to the number of steps")
      .optional()
      .describe(
        "A liveness counterexample (a lasso): steps[cycleFrom…] form a cycle that the run repeats for ever, so the state after the last step is the state before step cycleFrom. " +
          "Equal to the number of steps for a deadlock: the run stops in its last state, where no action is enabled.",
      ),
  })
  .strict()
  .superRefine((schedule, ctx) => {
    if (schedule.cycleFrom !== undefined && schedule.cycleFrom > schedule.steps.length) {
      ctx.addIssue({ code: "custom", path: ["cycleFrom"], message: `${schedule.cycleFrom} is past the ${schedule.steps.length} steps; give the index of the cycle's first step` });
    }
  });

export type Schedule = z.infer<typeof scheduleSchema>;

/** A one-line, human-readable rendering of a step, used in traces and step tables. */
export function describeStep(step: ScheduleStep): string {
  const kind = stepKindOf(step);
  switch (kind) {
    case "deliver": {
      const { deliver, crashAfter: sent } = step as { deliver: string; crashAfter?: number };
      return `deliver ${deliver}${sent === undefined ? "" : `, then the receiver crashes after ${sent} of its sends`}`;
    }
    case "drop":
      return `drop ${(step as { drop: string }).drop}`;
    case "duplicate":
      return `duplicate ${(step as { duplicate: string }).duplicate}`;
    case "timeout": {
      const { timeout: at, timer, crashAfter: sent } = step as { timeout: string; timer?: string; crashAfter?: number };
      return `timeout${timer === undefined ? "" : ` ${timer}`} at ${at}${sent === undefined ? "" : `, then ${at} crashes after ${sent} of its sends`}`;
    }
    case "crash":
      return `crash ${(step as { crash: string }).crash}`;
    case "recover":
      return `recover ${(step as { recover: string }).recover}`;
    case "partition":
      return `partition ${(step as { partition: string[][] }).partition.map((side) => `{${side.join(",")}}`).join(" | ")}`;
    case "heal":
      return "heal partition";
    case "gst":
      return "global stabilisation time";
    case "step": {
      const { step: kind, actor: by, ...fields } = step as { step: string; actor: string } & Record<string, unknown>;
      const rendered = Object.entries(fields)
        .map(([key, value]) => `${key}=${typeof value === "string" ? value : JSON.stringify(value)}`)
        .join(" ");
      return `${by}: ${kind}${rendered ? ` ${rendered}` : ""}`;
    }
    case "replay":
      return `replay ${(step as { replay: string }).replay}`;
    default:
      return JSON.stringify(step);
  }
}
