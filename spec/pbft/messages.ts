import { z } from "zod";
import { clientIdSchema, replicaIdSchema } from "./ids.ts";
import { shortDigest } from "./digest.ts";

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

export const pbftMessageSchema = z.discriminatedUnion("type", [
  requestSchema,
  prePrepareSchema,
  prepareSchema,
  commitSchema,
  replySchema,
  checkpointSchema,
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
  }
}
