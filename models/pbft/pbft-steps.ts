import { BYZANTINE_REPLICA_ROLE } from "../../properties/pbft/reading.ts";
import { z } from "zod";
import type { OfferedActor, ProtocolStepKind, StepFields } from "../../impl/runtime/protocol.ts";
import { SCHEDULE_LIMITS } from "../../spec/common/schedule.ts";
import type { ByzantineContext } from "../../spec/pbft/byzantine-replica-machine.ts";
import type { ClientContext } from "../../spec/pbft/client-machine.ts";
import type { PbftConfig } from "../../spec/pbft/config.ts";
import { PBFT_LIMITS } from "../../spec/pbft/limits.ts";
import { replicaIds, replicaName } from "../../spec/pbft/ids.ts";

/**
 * PBFT's own step kinds: a client's request, and the Byzantine replicas' forgeries. Each offers
 * candidates read off the actor's own snapshot and the config; whether one may happen is its
 * machine's guard (the runtime asks `can`), never decided here.
 */

/** The operation a client sends as its t-th request; fixed, so that runs are reproducible. */
export function operationOf(client: number, timestamp: number): string {
  return `op${client}.${timestamp}`;
}

const whole = (maximum: number) => z.number().int().min(0).max(maximum);
const seq = whole(PBFT_LIMITS.adversarySlots).describe("The sequence number n it forges for (1 … adversarySlots).");
const to = z.string().regex(/^R\d+$/, 'a replica actor, e.g. "R1"').describe("The replica it sends the forgery to.");
const client = whole(PBFT_LIMITS.clients - 1).describe("The client whose request the forgery names.");
const timestamp = whole(PBFT_LIMITS.requests).describe("That request's timestamp.");
const fields = (shape: z.ZodRawShape) => z.object(shape).strict() as unknown as z.ZodType<StepFields>;

/**
 * The replicas a Byzantine one sends forgeries to: the correct ones. Sending to an accomplice
 * would let it learn requests to forge for: a stronger adversary that no model needs to break
 * agreement, and a dearer one (pbft/n4_f2 would explore 764,528 states to depth 12, not 47,603).
 */
function receivers(_actor: OfferedActor, config: PbftConfig): string[] {
  const byzantine = new Set(config.byzantine.map((entry) => entry.replica));
  return replicaIds(config.n)
    .filter((replica) => !byzantine.has(replica))
    .map(replicaName);
}

const slots = (config: PbftConfig): number[] => Array.from({ length: config.adversarySlots }, (_, index) => index + 1);
const known = (actor: OfferedActor) => (actor.context as ByzantineContext).known;

function byzantineKind(description: string, shape: z.ZodRawShape, type: string, offers: (actor: OfferedActor, config: PbftConfig) => StepFields[]): ProtocolStepKind<PbftConfig> {
  return {
    description,
    fields: fields(shape),
    roles: [BYZANTINE_REPLICA_ROLE],
    byzantine: true,
    offers,
    event: (chosen) => ({ type, ...chosen }),
  };
}

export const pbftSteps: Readonly<Record<string, ProtocolStepKind<PbftConfig>>> = {
  request: {
    description: "A client sends its next request (Castro & Liskov §4.1): the operation, with the next timestamp, to the primary.",
    fields: fields({ op: z.string().min(1).max(SCHEDULE_LIMITS.op).describe('The operation, e.g. "op0.1".') }),
    roles: ["client"],
    offers(actor) {
      const context = actor.context as ClientContext;
      return [{ op: operationOf(context.id, context.sent.length + 1) }];
    },
    event: (chosen) => ({ type: "SEND_REQUEST", op: chosen.op as string }),
    label: (chosen) => `request ${String(chosen.op)}`,
  },
  equivocate: byzantineKind(
    "A Byzantine primary sends a backup a PRE-PREPARE for a request it has seen (§4.2), another request to another backup.",
    { seq, to, client, timestamp },
    "EQUIVOCATE",
    (actor, config) => slots(config).flatMap((n) => receivers(actor, config).flatMap((receiver) => known(actor).map((request) => ({ seq: n, to: receiver, client: request.client, timestamp: request.timestamp })))),
  ),
  "bad-digest": byzantineKind(
    "A Byzantine primary sends a PRE-PREPARE carrying one request under another request's digest (§4.2).",
    { seq, to, client, timestamp, digestClient: client, digestTimestamp: timestamp },
    "BAD_DIGEST",
    (actor, config) =>
      slots(config).flatMap((n) =>
        receivers(actor, config).flatMap((receiver) =>
          known(actor).flatMap((request) =>
            known(actor)
              .filter((claimed) => claimed !== request)
              .map((claimed) => ({ seq: n, to: receiver, client: request.client, timestamp: request.timestamp, digestClient: claimed.client, digestTimestamp: claimed.timestamp })),
          ),
        ),
      ),
  ),
  "conflicting-votes": byzantineKind(
    "A Byzantine replica sends a PREPARE or COMMIT for the digest of any request it has seen (§4.2).",
    { vote: z.enum(["prepare", "commit"]), seq, to, client, timestamp },
    "CONFLICTING_VOTE",
    (actor, config) =>
      slots(config).flatMap((n) =>
        receivers(actor, config).flatMap((receiver) =>
          known(actor).flatMap((request) => (["prepare", "commit"] as const).map((vote) => ({ vote, seq: n, to: receiver, client: request.client, timestamp: request.timestamp }))),
        ),
      ),
  ),
  "forge-checkpoint": byzantineKind(
    "A Byzantine replica sends a CHECKPOINT with a wrong state digest (§4.3).",
    { seq, to },
    "FORGE_CHECKPOINT",
    (actor, config) => slots(config).flatMap((n) => receivers(actor, config).map((receiver) => ({ seq: n, to: receiver }))),
  ),
  "forge-new-view": byzantineKind(
    "A Byzantine new primary sends a backup a NEW-VIEW whose V is 2f+1 genuine VIEW-CHANGEs and whose O is not the one V gives (§4.4).",
    { view: z.number().int().min(1).max(PBFT_LIMITS.maxView).describe("The view it is the primary of."), to },
    "FORGE_NEW_VIEW",
    (actor, config) => {
      const views = [...new Set((actor.context as ByzantineContext).viewChanges.map((message) => message.view))];
      return views.flatMap((view) => receivers(actor, config).map((receiver) => ({ view, to: receiver })));
    },
  ),
  "equivocate-new-view": byzantineKind(
    "A Byzantine new primary that holds more VIEW-CHANGEs than a NEW-VIEW needs sends a backup a valid NEW-VIEW whose V leaves one of them out (another to another backup, §4.4).",
    {
      view: z.number().int().min(1).max(PBFT_LIMITS.maxView).describe("The view it is the primary of."),
      to,
      without: whole(PBFT_LIMITS.n - 1).describe("The replica whose VIEW-CHANGE V leaves out."),
    },
    "EQUIVOCATE_NEW_VIEW",
    (actor, config) =>
      (actor.context as ByzantineContext).viewChanges.flatMap((message) => receivers(actor, config).map((receiver) => ({ view: message.view, to: receiver, without: message.replica }))),
  ),
  "forge-view-change": byzantineKind(
    "A Byzantine replica sends a VIEW-CHANGE with a stale checkpoint and nothing prepared, or a prepared certificate with too few PREPAREs or with PREPAREs it never received (TOCS §4.4).",
    {
      certificate: z.enum(["stale", "partial", "forged"]).describe("stale: the genesis checkpoint, empty P; partial: one PREPARE, its own; forged: 2f PREPAREs, the others' signatures made up."),
      view: z.number().int().min(1).max(PBFT_LIMITS.maxView).describe("The view the VIEW-CHANGE asks for."),
      to,
      seq: seq.optional(),
      client: client.optional(),
      timestamp: timestamp.optional(),
    },
    "FORGE_VIEW_CHANGE",
    (actor, config) => {
      const views = Array.from({ length: config.viewChange?.maxView ?? 0 }, (_, index) => index + 1);
      return views.flatMap((view) =>
        receivers(actor, config).flatMap((receiver) => [
          { certificate: "stale", view, to: receiver },
          ...slots(config).flatMap((n) =>
            known(actor).flatMap((request) => (["partial", "forged"] as const).map((certificate) => ({ certificate, view, to: receiver, seq: n, client: request.client, timestamp: request.timestamp }))),
          ),
        ]),
      );
    },
  ),
  "forge-reply": byzantineKind(
    "A Byzantine replica sends a client a REPLY with a wrong result for a request it has seen (§4.1).",
    { client, timestamp },
    "FORGE_REPLY",
    (actor) => known(actor).map((request) => ({ client: request.client, timestamp: request.timestamp })),
  ),
};
