import { z } from "zod";
import { clientIdSchema, replicaIdSchema } from "./ids.ts";
import { shortDigest, stateDigestOf } from "./digest.ts";

/** Castro & Liskov §4.1: ⟨REQUEST, o, t, c⟩ — operation o, client timestamp t, client c. */
export const requestSchema = z
  .object({ type: z.literal("REQUEST"), client: clientIdSchema, timestamp: z.number().int().positive(), op: z.string() })
  .strict();
export type Request = z.infer<typeof requestSchema>;

const hexDigest = z.string().regex(/^[0-9a-f]{64}$/, "must be a 64-character lowercase hex SHA-256 digest");
const view = z.number().int().nonnegative();
const seq = z.number().int().positive();

/** §4.2: ⟨⟨PRE-PREPARE, v, n, d⟩σp, m⟩ — the request m travels with the pre-prepare. */
export const prePrepareSchema = z
  .object({ type: z.literal("PRE-PREPARE"), view, seq, digest: hexDigest, request: requestSchema, replica: replicaIdSchema })
  .strict();
export type PrePrepare = z.infer<typeof prePrepareSchema>;

/** §4.2: ⟨PREPARE, v, n, d, i⟩σi. */
export const prepareSchema = z
  .object({ type: z.literal("PREPARE"), view, seq, digest: hexDigest, replica: replicaIdSchema })
  .strict();
export type Prepare = z.infer<typeof prepareSchema>;

/** §4.2: ⟨COMMIT, v, n, D(m), i⟩σi. */
export const commitSchema = z
  .object({ type: z.literal("COMMIT"), view, seq, digest: hexDigest, replica: replicaIdSchema })
  .strict();
export type Commit = z.infer<typeof commitSchema>;

/** §4.1: ⟨REPLY, v, t, c, i, r⟩σi. */
export const replySchema = z
  .object({
    type: z.literal("REPLY"),
    view,
    timestamp: z.number().int().positive(),
    client: clientIdSchema,
    replica: replicaIdSchema,
    result: z.string(),
  })
  .strict();
export type Reply = z.infer<typeof replySchema>;

/** §4.3: ⟨CHECKPOINT, n, d, i⟩σi — d is the digest of the service state after executing n. */
export const checkpointSchema = z
  .object({ type: z.literal("CHECKPOINT"), seq, stateDigest: hexDigest, replica: replicaIdSchema })
  .strict();
export type Checkpoint = z.infer<typeof checkpointSchema>;

/**
 * TOCS §4.4: the proof that checkpoint n with state digest d is stable — 2f+1 replicas signed
 * CHECKPOINT(n, d). Signatures are unforgeable (§3), so the signers stand for their messages.
 * n = 0 is the initial state, stable without votes.
 */
export const checkpointProofSchema = z
  .object({ seq: z.number().int().nonnegative(), stateDigest: hexDigest, replicas: z.array(replicaIdSchema) })
  .strict();
export type CheckpointProof = z.infer<typeof checkpointProofSchema>;

/**
 * TOCS §4.4: a prepared certificate, one entry of P — the PRE-PREPARE of the primary of `view`
 * for (view, n, d, m) and 2f matching PREPAREs from distinct backups: their signers, and each
 * one's signature in the same order (signatures.ts), which whoever checks the certificate verifies.
 */
export const preparedCertificateSchema = z
  .object({
    view,
    seq,
    digest: hexDigest,
    request: requestSchema,
    primary: replicaIdSchema,
    prepares: z.array(replicaIdSchema),
    signatures: z.array(z.string().regex(/^[0-9a-f]{16}$/, "must be a 16-character lowercase hex signature")),
  })
  .strict();
export type PreparedCertificate = z.infer<typeof preparedCertificateSchema>;

/** §4.4: ⟨VIEW-CHANGE, v+1, n, C, P, i⟩σi — n is the last stable checkpoint, C its proof. */
export const viewChangeSchema = z
  .object({ type: z.literal("VIEW-CHANGE"), view, checkpoint: checkpointProofSchema, prepared: z.array(preparedCertificateSchema), replica: replicaIdSchema })
  .strict();
export type ViewChange = z.infer<typeof viewChangeSchema>;

/**
 * One pre-prepare of O (§4.4): PRE-PREPARE(v+1, n, d) for the request of the highest-view
 * prepared certificate at n, or for the null request (`request: null`, d = the null digest).
 */
export const newViewEntrySchema = z.object({ seq, digest: hexDigest, request: requestSchema.nullable() }).strict();
export type NewViewEntry = z.infer<typeof newViewEntrySchema>;

/** §4.4: ⟨NEW-VIEW, v+1, V, O⟩σp — V the 2f+1 VIEW-CHANGEs it was built from, O its pre-prepares. */
export const newViewSchema = z
  .object({ type: z.literal("NEW-VIEW"), view, viewChanges: z.array(viewChangeSchema), prePrepares: z.array(newViewEntrySchema), replica: replicaIdSchema })
  .strict();
export type NewView = z.infer<typeof newViewSchema>;

/**
 * One entry of the service state's history (replica-context.ts `ExecutedEntry`), as a STATE
 * carries it: client −1 and result null for the null request (TOCS §4.4).
 */
export const executedEntrySchema = z
  .object({ seq, digest: hexDigest, client: z.number().int().min(-1), timestamp: z.number().int().nonnegative(), op: z.string(), result: z.string().nullable() })
  .strict();

/**
 * TOCS §6.2 (state transfer): ⟨FETCH, n, i⟩σi — replica i lags behind the stable checkpoint n
 * (OSDI §4.3 last paragraph) and asks the others for the service state at n.
 */
export const fetchSchema = z.object({ type: z.literal("FETCH"), seq, replica: replicaIdSchema }).strict();
export type Fetch = z.infer<typeof fetchSchema>;

/**
 * TOCS §6.2: ⟨STATE, n, s, i⟩σi — the answer to a FETCH: the service state s after executing n,
 * here its history up to n (what the checkpoint digest d covers, `stateDigestOf`; each entry's
 * request digest binds its client, timestamp and operation). The fetcher checks it against d.
 */
export const stateSchema = z.object({ type: z.literal("STATE"), seq, executed: z.array(executedEntrySchema), replica: replicaIdSchema }).strict();
export type State = z.infer<typeof stateSchema>;

export const pbftMessageSchema = z.discriminatedUnion("type", [
  requestSchema,
  prePrepareSchema,
  prepareSchema,
  commitSchema,
  replySchema,
  checkpointSchema,
  viewChangeSchema,
  newViewSchema,
  fetchSchema,
  stateSchema,
]);
export type PbftMessage = z.infer<typeof pbftMessageSchema>;
/** Messages exchanged between replicas (what a replica multicasts to the others). */
export type ReplicaMessage = PrePrepare | Prepare | Commit | Checkpoint;

/** A message as a machine receives it: the runtime adds its sender's actor name as `from`. */
export type Delivered<M extends PbftMessage = PbftMessage> = M & { from: string };

/**
 * A message's stable, readable id (the runtime appends "from->to") and its diagram label:
 * "PREPARE v0 n1 d:3fa2c1", shortened to "prepare n1 d:3fa2c1".
 */
export function describePbftMessage(message: PbftMessage): { id: string; label: string } {
  switch (message.type) {
    case "REQUEST":
      return { id: `REQUEST c${message.client} t${message.timestamp} op:${message.op}`, label: `request ${message.op}` };
    case "PRE-PREPARE":
      return { id: `PRE-PREPARE v${message.view} n${message.seq} d:${shortDigest(message.digest)}`, label: `pre-prepare n${message.seq} ${message.request.op} d:${shortDigest(message.digest)}` };
    case "PREPARE":
    case "COMMIT":
      return { id: `${message.type} v${message.view} n${message.seq} d:${shortDigest(message.digest)}`, label: `${message.type.toLowerCase()} n${message.seq} d:${shortDigest(message.digest)}` };
    case "REPLY":
      return { id: `REPLY v${message.view} t${message.timestamp} r:${message.result}`, label: `reply t${message.timestamp} ${message.result}` };
    case "CHECKPOINT":
      return { id: `CHECKPOINT n${message.seq} s:${shortDigest(message.stateDigest)}`, label: `checkpoint n${message.seq} s:${shortDigest(message.stateDigest)}` };
    case "VIEW-CHANGE": {
      const prepared = message.prepared.map((entry) => `n${entry.seq}v${entry.view}`).join(",");
      return { id: `VIEW-CHANGE v${message.view} h${message.checkpoint.seq} P:${prepared || "-"}`, label: `view-change v${message.view} P:${prepared || "-"}` };
    }
    case "FETCH":
      return { id: `FETCH n${message.seq}`, label: `fetch n${message.seq}` };
    case "STATE": {
      // The history's own digest: a forged state reads apart from the true one.
      const digest = stateDigestOf(message.executed);
      return { id: `STATE n${message.seq} s:${shortDigest(digest)}`, label: `state n${message.seq} s:${shortDigest(digest)}` };
    }
    case "NEW-VIEW": {
      const order = message.prePrepares.map((entry) => `n${entry.seq}${entry.request === null ? ":null" : `:${shortDigest(entry.digest)}`}`).join(",");
      const senders = message.viewChanges.map((entry) => entry.replica).join("");
      return { id: `NEW-VIEW v${message.view} V:${senders} O:${order || "-"}`, label: `new-view v${message.view} O:${order || "-"}` };
    }
  }
}
