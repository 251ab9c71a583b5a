import { z } from "zod";

/**
 * The oracle's three messages (SPEC.md §3), each carrying a value. The sender is the envelope's
 * (the runtime adds `from` to the delivered event): SPEC.md keys its network by (type, from, to).
 */
export const ORACLE_VALUES = ["A", "B"] as const;
export type OracleValue = (typeof ORACLE_VALUES)[number];

export const oracleMessageSchema = z.object({ type: z.enum(["PRE-PREPARE", "PREPARE", "COMMIT"]), value: z.enum(ORACLE_VALUES) }).strict();
export type OracleMessage = z.infer<typeof oracleMessageSchema>;

export function describeOracleMessage(message: OracleMessage): { id: string; label: string } {
  return { id: `${message.type} ${message.value}`, label: `${message.type}(${message.value})` };
}
