import { z } from "zod";
import { PBFT_LIMITS, forgeryChoices } from "./limits.ts";
import { isByzantineBoundMet, quorumRuleSchema } from "./quorum.ts";
import { SCHEDULE_LIMITS } from "../common/schedule.ts";

// Messages say what to fix; the field's path is prefixed where the error is reported (input-error.ts).
// Every count has an upper bound (spec/pbft/limits.ts says why), named in its message.
// Fields are `.describe()`d rather than commented: docs/cli.md renders them.
const count = (minimum: number, maximum: number, why: string) =>
  z
    .number({ error: `must be an integer from ${minimum} to ${maximum}` })
    .int(`must be an integer from ${minimum} to ${maximum}`)
    .min(minimum, `must be at least ${minimum}`)
    .max(maximum, `must be at most ${maximum} (${why})`);

const replicaId = count(0, PBFT_LIMITS.n - 1, `replica ids are below n, and n is at most ${PBFT_LIMITS.n}`);

/** What a Byzantine replica may do (byzantine-replica-machine.ts); `behaviours` below describes each. */
export const BYZANTINE_BEHAVIOURS = ["silent", "equivocate", "bad-digest", "conflicting-votes", "forge-checkpoint", "forge-reply", "replay", "forge-new-view", "equivocate-new-view", "forge-view-change", "forge-state"] as const;
export const byzantineBehaviourSchema = z.enum(BYZANTINE_BEHAVIOURS, {
  error: `must be one of ${BYZANTINE_BEHAVIOURS.join(", ")}`,
});
export type ByzantineBehaviour = z.infer<typeof byzantineBehaviourSchema>;

export const byzantineReplicaSchema = z
  .object({
    replica: replicaId,
    behaviours: z
      .array(byzantineBehaviourSchema)
      .min(1, "name at least one behaviour (silent for none)")
      .max(BYZANTINE_BEHAVIOURS.length, `name each behaviour at most once (there are ${BYZANTINE_BEHAVIOURS.length})`)
      .refine((behaviours) => new Set(behaviours).size === behaviours.length, "name each behaviour at most once")
      .describe(
        "What it may do, each at most once. silent: sends nothing; equivocate (primary only): PRE-PREPAREs for different requests to different backups; " +
          "bad-digest (primary only): PRE-PREPAREs whose digest is another request's (§4.2); conflicting-votes: PREPAREs/COMMITs for any digest it knows; " +
          "forge-checkpoint: CHECKPOINTs with a wrong state digest (§4.3); forge-reply: a REPLY to a client with a wrong result for a request it sent (§4.1); " +
          "replay: sends a copy of a message it received to any replica (the runtime's Byzantine replay, at most forgeryBudget replays, 2 when unbounded); " +
          "forge-new-view (view change only): as the primary of a view, a NEW-VIEW with a genuine V of 2f+1 VIEW-CHANGEs and an O that V does not give (§4.4); " +
          "equivocate-new-view (view change only): as the primary of a view holding more VIEW-CHANGEs than 2f+1, valid NEW-VIEWs with different V (each a genuine 2f+1 set, O computed from it) to different replicas (§4.4); " +
          "forge-view-change (view change only): VIEW-CHANGEs with a stale checkpoint and nothing prepared, a prepared certificate with fewer than 2f PREPAREs, or one whose PREPAREs it never received (their signatures fail), for a request it has seen (TOCS §4.4); " +
          "forge-state: answers a FETCH with a STATE whose history is not the checkpoint's (null requests only; TOCS §6.2).",
      ),
  })
  .strict();
export type ByzantineReplica = z.infer<typeof byzantineReplicaSchema>;

/** The shipped bugs a view-change mutant runs with, each replacing one named rule of the replica. */
export const VIEW_CHANGE_BUGS = ["ignore-prepared-sets", "unchecked-new-view", "weak-view-change-quorum", "drop-prepared-certificates", "no-request-timer", "unchecked-view-change-certificates"] as const;

/** The shipped bug a state-transfer mutant runs with (`stateTransferBug`). */
export const STATE_TRANSFER_BUGS = ["unchecked-state-transfer"] as const;

export const viewChangeConfigSchema = z
  .object({
    maxView: count(1, PBFT_LIMITS.maxView, "every view change multiplies the state space; a fourth view names a primary a second time at n = 4").describe(
      "The cut-off: a replica in this view starts no further view change (views 1 … maxView are explored).",
    ),
    time: z
      .enum(["async", "partial-sync"], { error: "must be async or partial-sync" })
      .default("partial-sync")
      .describe("partial-sync: a timer cannot expire while a message to its replica is overdue after GST (Δ = delta); async: any timer may expire at any step (FLP)."),
    delta: count(1, PBFT_LIMITS.delta, "a larger Δ only makes more ages distinct; it holds back no timer a smaller one would not").default(2).describe("Δ in steps under partial synchrony."),
    timeouts: z
      .enum(["delta", "long-enough"], { error: "must be delta or long-enough" })
      .default("delta")
      .describe(
        "Under partial-sync, after GST. delta: a timer waits only for overdue messages to its replica; long-enough: a timer fires only when no message to a correct actor is in flight (timeouts eventually longer than any delivery in progress, which PBFT's doubling timeouts provide, §4.5).",
      ),
    crashes: count(0, PBFT_LIMITS.f, "crashes share the fault budget f").default(0).describe("Crash steps in a run (crash-stop), within the fault budget f with the Byzantine ones."),
    crashable: z
      .array(replicaId)
      .max(PBFT_LIMITS.n, `must list at most ${PBFT_LIMITS.n} replicas`)
      .optional()
      .describe("The correct replicas that may crash (e.g. [0], the first primary); every correct replica when absent. Each other one crashing multiplies the space."),
    midMulticast: z
      .boolean()
      .default(false)
      .describe(
        "A crash may also happen part-way through a step's sends (the runtime's faults.midMulticast): a crashing primary's PRE-PREPARE multicast reaches only some backups (§4.2), which the view change must then carry or replace (§4.4). Needs crashes ≥ 1.",
      ),
    bug: z
      .enum(VIEW_CHANGE_BUGS, { error: `must be one of ${VIEW_CHANGE_BUGS.join(", ")}` })
      .optional()
      .describe(
        "Mutants only. ignore-prepared-sets: O carries only null requests; unchecked-new-view: backups take the primary's O without recomputing it; " +
          "weak-view-change-quorum: f+1 VIEW-CHANGEs make a NEW-VIEW; drop-prepared-certificates: VIEW-CHANGEs carry no P; " +
          "no-request-timer: a backup relays a client's request to the primary without starting its view-change timer; " +
          "unchecked-view-change-certificates: replicas log VIEW-CHANGEs and accept a NEW-VIEW's V without checking C and P (their sizes and signatures).",
      ),
  })
  .strict();
export type ViewChangeConfig = z.infer<typeof viewChangeConfigSchema>;

/**
 * A PBFT model configuration. Configurations with n < 3f+1 are accepted on purpose: the
 * harness models unsafe systems to show how they fail (seed catalogue A11); `configWarnings`
 * flags them for the report.
 */
export const pbftConfigSchema = z
  .object({
    n: count(1, PBFT_LIMITS.n, "a bigger cluster cannot be model-checked or replayed in bounded time").describe("Replicas."),
    f: count(0, PBFT_LIMITS.f, `f counts replicas, and n is at most ${PBFT_LIMITS.n}`).describe("Faults tolerated; n < 3f+1 is accepted on purpose and flagged in every report."),
    clients: count(1, PBFT_LIMITS.clients, "each client is one more concurrent sender; more cannot be model-checked")
      .default(1)
      .describe("Clients, each sending `requests` requests one at a time (Castro & Liskov §4.1)."),
    requests: count(1, PBFT_LIMITS.requests, "requests per client; a longer run cannot be model-checked").describe("Requests per client."),
    checkpointInterval: count(1, PBFT_LIMITS.checkpointInterval, `a run executes at most ${PBFT_LIMITS.runMessages} requests, so a larger K never checkpoints`).describe(
      "K: a checkpoint every K executed requests (§4.3).",
    ),
    window: count(1, PBFT_LIMITS.window, `a run assigns at most ${PBFT_LIMITS.runMessages} sequence numbers, so a larger L never fills`).describe(
      "L: the high watermark is H = h + L (§4.3).",
    ),
    quorumRule: quorumRuleSchema.default("2f+1").describe("How the quorum Q is computed from n and f: 2f+1 (Castro & Liskov) or n-f; the two agree at n = 3f+1."),
    quorumOverrides: z
      .object({
        prepare: count(0, PBFT_LIMITS.n - 1, `a PREPARE certificate counts backups, fewer than the at most ${PBFT_LIMITS.n} replicas`)
          .optional()
          .describe("PREPAREs a prepared certificate needs, instead of Q − 1."),
        commit: count(1, PBFT_LIMITS.n, `a COMMIT certificate counts replicas, at most ${PBFT_LIMITS.n}`).optional().describe("COMMITs a committed certificate needs, instead of Q."),
      })
      .strict()
      .default({})
      .describe("Mutants only: replace the certificate sizes the rule computes."),
    byzantine: z
      .array(byzantineReplicaSchema)
      .max(PBFT_LIMITS.n, `must list at most ${PBFT_LIMITS.n} replicas (n is at most ${PBFT_LIMITS.n})`)
      .default([])
      .describe("The Byzantine replicas, each listed once with an id below n."),
    exceedFaultBudget: z.boolean().default(false).describe("Allow more than f Byzantine replicas (models that break the fault assumption on purpose)."),
    adversarySlots: count(1, PBFT_LIMITS.adversarySlots, "every forgery is enumerated for each slot at every step")
      .default(1)
      .describe("Sequence numbers 1..adversarySlots on which Byzantine replicas forge messages."),
    forgeryBudget: count(0, SCHEDULE_LIMITS.steps, `each forgery is one step, and a schedule has at most ${SCHEDULE_LIMITS.steps}`)
      .optional()
      .describe("At most this many forgeries in one run (bounds the state space); unbounded when absent."),
    network: z
      .object({
        drop: z.boolean().default(false).describe("The network may lose any message in flight (drop steps)."),
        duplicate: z.boolean().default(false).describe("The network may copy a message in flight (duplicate steps, a bounded number per run: models/pbft/pbft-protocol.ts)."),
        partitions: z
          .array(
            z
              .array(replicaId)
              .min(1, "name at least one replica to cut off")
              .max(PBFT_LIMITS.n - 1, `must name fewer replicas than n (at most ${PBFT_LIMITS.n - 1})`)
              .refine((group) => new Set(group).size === group.length, "name each replica at most once"),
          )
          .max(PBFT_LIMITS.partitions, `must list at most ${PBFT_LIMITS.partitions} groups (each is one more partition step in every state before GST)`)
          .default([])
          .describe(
            "Groups of replicas the network may cut off from the rest (the clients stay with the rest). Before GST a partition step isolates one group: messages across stay in flight " +
              "(lost only where drop is on); a heal step joins it again, and GST comes only once the network is healed, so every partition heals by GST.",
          ),
      })
      .strict()
      .default({ drop: false, duplicate: false, partitions: [] }),
    checkTermination: z.boolean().default(true).describe("Check bounded termination in terminal states (off where a faulty primary needs a view change)."),
    stateTransferBug: z
      .enum(STATE_TRANSFER_BUGS, { error: `must be one of ${STATE_TRANSFER_BUGS.join(", ")}` })
      .optional()
      .describe("Mutants only. unchecked-state-transfer: a replica fetching a stable checkpoint's state adopts the first STATE for its seq without checking it against the checkpoint's digest."),
    viewChange: viewChangeConfigSchema
      .optional()
      .describe("Run the view change (Castro & Liskov §4.4): timers, VIEW-CHANGE and NEW-VIEW. Absent: the normal case only, every run in view 0."),
  })
  .strict()
  .superRefine((config, ctx) => {
    if (config.n + config.clients > PBFT_LIMITS.actors) {
      ctx.addIssue({ code: "custom", path: [], message: `n + clients is ${config.n + config.clients}, more than ${PBFT_LIMITS.actors}: every replica and client is an actor of the runtime, which runs at most ${PBFT_LIMITS.actors}` });
    }
    const runMessages = config.n * config.n * config.clients * config.requests;
    if (runMessages > PBFT_LIMITS.runMessages) {
      ctx.addIssue({
        code: "custom",
        path: [],
        message:
          `n² × clients × requests is ${runMessages}, more than ${PBFT_LIMITS.runMessages}: a run carries about 3·n² messages per request ` +
          "and would take minutes and GiBs to replay; lower n, clients or requests",
      });
    }
    const choices = forgeryChoices(config);
    if (choices > PBFT_LIMITS.forgeryChoices) {
      ctx.addIssue({
        code: "custom",
        path: ["byzantine"],
        message:
          `the Byzantine replicas could choose among up to ${choices} forgeries in one state, more than ${PBFT_LIMITS.forgeryChoices} ` +
          "(each step tries every one); lower adversarySlots, clients or requests, or drop bad-digest",
      });
    }
    const crashes = config.viewChange?.crashes ?? 0;
    const faulty = config.byzantine.length + crashes;
    // The runtime refuses a declaration whose crashes and Byzantine actors exceed the budget f.
    if (crashes > 0 && faulty > config.f && !config.exceedFaultBudget) {
      ctx.addIssue({ code: "custom", path: ["viewChange", "crashes"], message: `Byzantine replicas and crashes together are ${faulty}, more than f = ${config.f} (set exceedFaultBudget to break the assumption on purpose)` });
    }
    if (config.viewChange?.midMulticast === true && crashes === 0) {
      ctx.addIssue({ code: "custom", path: ["viewChange", "midMulticast"], message: "needs crashes of at least 1: only a crash can stop a multicast part-way" });
    }
    (config.viewChange?.crashable ?? []).forEach((replica, index) => {
      if (replica >= config.n || config.byzantine.some((entry) => entry.replica === replica)) {
        ctx.addIssue({ code: "custom", path: ["viewChange", "crashable", index], message: `must be a correct replica's id below n = ${config.n}` });
      }
    });
    config.network.partitions.forEach((group, index) => {
      group.forEach((replica, at) => {
        if (replica >= config.n) ctx.addIssue({ code: "custom", path: ["network", "partitions", index, at], message: `must be a replica id below n = ${config.n}` });
      });
      if (group.length >= config.n) ctx.addIssue({ code: "custom", path: ["network", "partitions", index], message: `must leave at least one of the n = ${config.n} replicas on the other side` });
    });
    const seen = new Set<number>();
    config.byzantine.forEach((entry, index) => {
      if (entry.replica >= config.n) {
        ctx.addIssue({ code: "custom", path: ["byzantine", index, "replica"], message: `must be a replica id below n = ${config.n}` });
      }
      if (seen.has(entry.replica)) {
        ctx.addIssue({ code: "custom", path: ["byzantine", index, "replica"], message: `replica ${entry.replica} is listed twice` });
      }
      seen.add(entry.replica);
    });
  });

export type PbftConfig = z.infer<typeof pbftConfigSchema>;
export type PbftConfigInput = z.input<typeof pbftConfigSchema>;

/** Warnings a report must show next to a verdict (e.g. the Byzantine bound is not met). */
export function configWarnings(config: PbftConfig): string[] {
  const warnings: string[] = [];
  if (!isByzantineBoundMet(config.n, config.f)) {
    warnings.push(`n = ${config.n} < 3f+1 = ${3 * config.f + 1}: the Byzantine bound is not met`);
  }
  if (config.byzantine.length > config.f) {
    warnings.push(`${config.byzantine.length} Byzantine replicas exceed the fault budget f = ${config.f}`);
  }
  if (config.quorumOverrides.prepare !== undefined || config.quorumOverrides.commit !== undefined) {
    warnings.push(`quorum overrides in force: ${JSON.stringify(config.quorumOverrides)}`);
  }
  if (config.viewChange?.bug !== undefined) warnings.push(`view-change bug in force: ${config.viewChange.bug}`);
  if (config.stateTransferBug !== undefined) warnings.push(`state-transfer bug in force: ${config.stateTransferBug}`);
  return warnings;
}
