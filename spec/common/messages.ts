import { z } from "zod";
import { clientIdSchema, replicaIdSchema } from "./ids.ts";

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
