import { z } from "zod";

/**
 * Synod Paxos's four messages (Lamport, "Paxos Made Simple", 2001, §2.2–2.3): phase 1a
 * PREPARE(b), 1b PROMISE(b, highest vote), 2a ACCEPT(b, v), 2b ACCEPTED(b, v). Each is its own
 * network event, so the explorer interleaves, drops, duplicates and reorders them.
 */
const ballot = z.number().int().positive();
const value = z.string().min(1);
const vote = z.object({ ballot, value }).strict();

export const paxosMessageSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("PREPARE"), ballot }).strict(),
  z.object({ type: z.literal("PROMISE"), ballot, vote: vote.nullable() }).strict(),
  z.object({ type: z.literal("ACCEPT"), ballot, value }).strict(),
  z.object({ type: z.literal("ACCEPTED"), ballot, value }).strict(),
]);
export type PaxosMessage = z.infer<typeof paxosMessageSchema>;
export type Vote = z.infer<typeof vote>;

export function describePaxosMessage(message: PaxosMessage): { id: string; label: string } {
  switch (message.type) {
    case "PREPARE":
      return { id: `PREPARE b${message.ballot}`, label: `prepare b${message.ballot}` };
    case "PROMISE": {
      const vote = message.vote === null ? "none" : `b${message.vote.ballot}:${message.vote.value}`;
      return { id: `PROMISE b${message.ballot} vote ${vote}`, label: `promise b${message.ballot} (voted ${vote})` };
    }
    case "ACCEPT":
      return { id: `ACCEPT b${message.ballot} ${message.value}`, label: `accept b${message.ballot} ${message.value}` };
    case "ACCEPTED":
      return { id: `ACCEPTED b${message.ballot} ${message.value}`, label: `accepted b${message.ballot} ${message.value}` };
  }
}
