import { z } from "zod";

/**
 * The PoW race's messages (Nakamoto, "Bitcoin", 2008, §11): the honest pool announces each block
 * of its chain, the attacker publishes its private branch when it believes it has caught up,
 * the honest pool answers a branch it adopts by longest-chain fork choice, and the attacker says
 * when it abandons the race. Only the ghost history (models/hybrid/pow-race-protocol.ts) decides
 * the race's outcome; the messages let each side stop mining once it knows the race is over.
 */
const length = z.number().int().nonnegative();

export const raceMessageSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("BLOCK"), height: length }).strict(),
  z.object({ type: z.literal("BRANCH"), length }).strict(),
  z.object({ type: z.literal("ADOPTED"), length }).strict(),
  z.object({ type: z.literal("GIVE_UP") }).strict(),
]);
export type RaceMessage = z.infer<typeof raceMessageSchema>;

export function describeRaceMessage(message: RaceMessage): { id: string; label: string } {
  switch (message.type) {
    case "BLOCK":
      return { id: `BLOCK h${message.height}`, label: `block ${message.height}` };
    case "BRANCH":
      return { id: `BRANCH l${message.length}`, label: `branch of ${message.length}` };
    case "ADOPTED":
      return { id: `ADOPTED l${message.length}`, label: `adopted ${message.length}` };
    case "GIVE_UP":
      return { id: "GIVE_UP", label: "gives up" };
  }
}
