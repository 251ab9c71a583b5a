import { z } from "zod";

/** DATA carries the one payload; ACK confirms it. One message each: a retransmission is the same DATA. */
export const linkMessageSchema = z.discriminatedUnion("type", [z.object({ type: z.literal("DATA") }).strict(), z.object({ type: z.literal("ACK") }).strict()]);
export type LinkMessage = z.infer<typeof linkMessageSchema>;
