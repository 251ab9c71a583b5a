import { z } from "zod";

/**
 * The seed sketch's three calls as messages (seed B §2.2, l. 62–71; catalogue B7): the
 * proposer's `a.promise(value)` is PROMISE(v) and the boolean it returns is REPLY(v, granted);
 * `a.accept(value)` is ACCEPT(v), whose return value the sketch ignores, so it has no reply.
 * No ballot: the sketch has none.
 */
const value = z.string().min(1);

export const seedPaxosMessageSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("PROMISE"), value }).strict(),
  z.object({ type: z.literal("REPLY"), value, granted: z.boolean() }).strict(),
  z.object({ type: z.literal("ACCEPT"), value }).strict(),
]);
export type SeedPaxosMessage = z.infer<typeof seedPaxosMessageSchema>;

export function describeSeedPaxosMessage(message: SeedPaxosMessage): { id: string; label: string } {
  switch (message.type) {
    case "PROMISE":
      return { id: `PROMISE ${message.value}`, label: `promise(${message.value})` };
    case "REPLY":
      return { id: `REPLY ${message.value} ${message.granted}`, label: `promise(${message.value}) = ${message.granted}` };
    case "ACCEPT":
      return { id: `ACCEPT ${message.value}`, label: `accept(${message.value})` };
  }
}
