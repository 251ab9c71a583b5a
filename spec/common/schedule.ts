import { z } from "zod";

/**
 * The one Schedule format (docs/ARCHITECTURE.md): at once an explorer counterexample, a
 * fast-check input, a replay file and a regression test. Each step is one atomic action of
 * a TransitionSystem; `replay(schedule)` must reproduce the same states step by step.
 */

const replicaId = z.number().int().nonnegative();
/** A message in flight is named by a stable, human-readable id, e.g. "PREPARE v0 n1 2->3". */
const messageId = z.string().min(1);

export const deliverStep = z.object({ deliver: messageId }).strict();
export const dropStep = z.object({ drop: messageId }).strict();
export const duplicateStep = z.object({ duplicate: messageId }).strict();
export const timeoutStep = z.object({ timeout: replicaId }).strict();
export const crashStep = z.object({ crash: replicaId }).strict();
export const recoverStep = z.object({ recover: replicaId }).strict();
/** A Byzantine replica acts; `behaviour` names an adversary-library behaviour, the rest are its arguments. */
export const byzantineStep = z
  .object({ byzantine: replicaId, behaviour: z.string().min(1) })
  .catchall(z.union([z.string(), z.number(), z.boolean(), z.null()]));
export const partitionStep = z.object({ partition: z.array(z.array(replicaId)).min(2) }).strict();
export const healStep = z.object({ heal: z.literal(true) }).strict();
export const gstStep = z.object({ gst: z.literal(true) }).strict();
export const requestStep = z.object({ request: z.number().int().nonnegative(), op: z.string() }).strict();

export const STEP_KINDS = [
  "deliver",
  "drop",
  "duplicate",
  "timeout",
  "crash",
  "recover",
  "byzantine",
  "partition",
  "heal",
  "gst",
  "request",
] as const;
export type StepKind = (typeof STEP_KINDS)[number];

const stepSchemas = {
  deliver: deliverStep,
  drop: dropStep,
  duplicate: duplicateStep,
  timeout: timeoutStep,
  crash: crashStep,
  recover: recoverStep,
  byzantine: byzantineStep,
  partition: partitionStep,
  heal: healStep,
  gst: gstStep,
  request: requestStep,
} as const;

/** A step is recognised by its one identifying key; anything else is an unknown step. */
export const scheduleStep = z.custom<ScheduleStep>().superRefine((value, ctx) => {
  const kind = stepKindOf(value);
  if (kind === undefined) {
    ctx.addIssue({
      code: "custom",
      message: `unknown step ${JSON.stringify(value)}; a step is an object with one of the keys ${STEP_KINDS.join(", ")}`,
    });
    return;
  }
  const parsed = stepSchemas[kind].safeParse(value);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) ctx.addIssue({ code: "custom", message: issue.message, path: issue.path });
  }
});

export type ScheduleStep =
  | z.infer<typeof deliverStep>
  | z.infer<typeof dropStep>
  | z.infer<typeof duplicateStep>
  | z.infer<typeof timeoutStep>
  | z.infer<typeof crashStep>
  | z.infer<typeof recoverStep>
  | z.infer<typeof byzantineStep>
  | z.infer<typeof partitionStep>
  | z.infer<typeof healStep>
  | z.infer<typeof gstStep>
  | z.infer<typeof requestStep>;

export function stepKindOf(step: unknown): StepKind | undefined {
  if (typeof step !== "object" || step === null || Array.isArray(step)) return undefined;
  return STEP_KINDS.find((kind) => Object.prototype.hasOwnProperty.call(step, kind));
}

export const SCHEDULE_VERSION = 1;

export const scheduleSchema = z
  .object({
    version: z.literal(SCHEDULE_VERSION),
    /** The model's name in the registry, e.g. "pbft/n3_f1". */
    model: z.string().min(1),
    /** The model's configuration as run (validated again by the model when replayed). */
    config: z.record(z.string(), z.unknown()),
    /** The seed every random choice of the run flowed from (0 for exhaustive search). */
    seed: z.number().int(),
    steps: z.array(scheduleStep),
  })
  .strict();

export type Schedule = z.infer<typeof scheduleSchema>;

/** A one-line, human-readable rendering of a step, used in traces and step tables. */
export function describeStep(step: ScheduleStep): string {
  const kind = stepKindOf(step);
  switch (kind) {
    case "deliver":
      return `deliver ${(step as { deliver: string }).deliver}`;
    case "drop":
      return `drop ${(step as { drop: string }).drop}`;
    case "duplicate":
      return `duplicate ${(step as { duplicate: string }).duplicate}`;
    case "timeout":
      return `timeout at replica ${(step as { timeout: number }).timeout}`;
    case "crash":
      return `crash replica ${(step as { crash: number }).crash}`;
    case "recover":
      return `recover replica ${(step as { recover: number }).recover}`;
    case "byzantine": {
      const { byzantine, behaviour, ...args } = step as z.infer<typeof byzantineStep>;
      const rendered = Object.entries(args)
        .map(([key, value]) => `${key}=${String(value)}`)
        .join(" ");
      return `byzantine replica ${byzantine}: ${behaviour}${rendered ? ` ${rendered}` : ""}`;
    }
    case "partition":
      return `partition ${(step as { partition: number[][] }).partition.map((side) => `{${side.join(",")}}`).join(" | ")}`;
    case "heal":
      return "heal partition";
    case "gst":
      return "global stabilisation time";
    case "request": {
      const request = step as { request: number; op: string };
      return `client ${request.request} requests ${JSON.stringify(request.op)}`;
    }
    default:
      return JSON.stringify(step);
  }
}
