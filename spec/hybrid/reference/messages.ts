import { z } from "zod";
import { blockLabel, type Block } from "../block.ts";
import { voteLabel } from "./votes.ts";

/**
 * The reference protocol's two messages: BLOCK (a proposal: a mined block, or a PoS block with
 * its proposer's signature over the digest) and VOTE (Casper FFG's vote, Gasper's attestation:
 * the validator's signed link source → target). Each is its own network event.
 */
const digest = z.string().regex(/^[0-9a-f]{12}$/, "a 12-hex-digit block digest");
const height = z.number().int().min(0).max(9);
const transaction = z.object({ account: z.string(), nonce: z.number().int(), payee: z.string() }).strict();
const block = z
  .object({ height, parent: z.string().max(12), proposer: z.string().max(8), txs: z.array(transaction).max(4), nonce: z.number().int().min(0), digest })
  .strict() as unknown as z.ZodType<Block>;

export const hybridMessageSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("BLOCK"), block, signature: z.string().max(16).describe('The proposer\'s signature (PoS), "" for a mined block') }).strict(),
  z.object({ type: z.literal("VOTE"), validator: z.string().min(1).max(8), source: digest, sourceHeight: height, target: digest, targetHeight: height, signature: z.string().length(16) }).strict(),
]);
export type HybridMessage = z.infer<typeof hybridMessageSchema>;
export type BlockMessage = Extract<HybridMessage, { type: "BLOCK" }>;
export type VoteMessage = Extract<HybridMessage, { type: "VOTE" }>;

export function describeHybridMessage(message: HybridMessage): { id: string; label: string } {
  if (message.type === "BLOCK") {
    const spends = message.block.txs.map((tx) => `${tx.account}#${tx.nonce}>${tx.payee}`).join(",");
    return { id: `BLOCK ${message.block.digest}`, label: `block ${blockLabel(message.block)}${spends ? ` [${spends}]` : ""}` };
  }
  return { id: `VOTE ${message.validator} ${message.source}->${message.target}`, label: `vote ${voteLabel(message)}` };
}
