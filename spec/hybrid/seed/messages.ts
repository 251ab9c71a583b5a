import { z } from "zod";
import { blockLabel } from "../block.ts";
import type { SeedBlock } from "./engines.ts";

/**
 * The port's three messages. The sketch (seed §3.2, l. 186–210) sends none: `finalize` is an
 * `await` on PBFT, and what happens to the returned block is the caller's business. This port's
 * reading (catalogue A23 "Decide"):
 * - PROPOSAL(block): `PBFT::finalize` multicasts the block to the validators (PBFT's
 *   PRE-PREPARE, one round);
 * - COMMIT(height, digest): a validator's vote, to the proposer, for the first block it saw at
 *   that height (its signature over the digest: engines.ts `commitVote`);
 * - BLOCK(block): the returned `Ok(block)` multicast by the proposer, which every receiver
 *   appends as final (the sketch's result IS the consensus result).
 */
const name = z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/);
const hex = z.string().regex(/^[0-9a-f]+$/);
const transaction = z.object({ account: z.string().min(1), nonce: z.number().int().min(0), payee: z.string().min(1) }).strict();
const vote = z.object({ voter: name, signature: hex }).strict();

export const seedBlockSchema: z.ZodType<SeedBlock> = z
  .object({
    height: z.number().int().min(1),
    parent: hex,
    proposer: name,
    txs: z.array(transaction),
    nonce: z.number().int().min(0),
    digest: hex,
    signature: hex.optional(),
    certificate: z.array(vote).optional(),
  })
  .strict();

export const seedHybridMessageSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("PROPOSAL"), block: seedBlockSchema }).strict(),
  z.object({ type: z.literal("COMMIT"), height: z.number().int().min(1), digest: hex, voter: name, signature: hex }).strict(),
  z.object({ type: z.literal("BLOCK"), block: seedBlockSchema }).strict(),
]);
export type SeedHybridMessage = z.infer<typeof seedHybridMessageSchema>;
export type Proposal = Extract<SeedHybridMessage, { type: "PROPOSAL" }>;
export type Commit = Extract<SeedHybridMessage, { type: "COMMIT" }>;
export type BlockMessage = Extract<SeedHybridMessage, { type: "BLOCK" }>;

export function describeSeedHybridMessage(message: SeedHybridMessage): { id: string; label: string } {
  switch (message.type) {
    case "PROPOSAL":
      return { id: `PROPOSAL ${blockLabel(message.block)}`, label: `finalize? ${blockLabel(message.block)}` };
    case "COMMIT":
      return { id: `COMMIT h${message.height} ${message.digest.slice(0, 6)} by ${message.voter}`, label: `COMMIT h${message.height}·${message.digest.slice(0, 6)}` };
    case "BLOCK": {
      // Two returns of one digest may carry different certificates (whichever 2f+1 COMMITs came first): the id tells them apart.
      const certificate = message.block.certificate === undefined ? "" : ` cert ${message.block.certificate.map((vote) => vote.voter).join(",")}`;
      return { id: `BLOCK ${blockLabel(message.block)}${certificate}`, label: `Ok(${blockLabel(message.block)})` };
    }
  }
}
