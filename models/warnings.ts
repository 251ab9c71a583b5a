/**
 * Warnings about a configuration itself, shown in every report of the model: PBFT below the
 * Byzantine bound n ≥ 3f+1 (Castro & Liskov §2; seed A §2.1 Theorem 2.1) is modelled on
 * purpose, and the report must say so.
 */
export function modelWarnings(config: unknown): string[] {
  const { n, f } = (config ?? {}) as { n?: unknown; f?: unknown };
  if (typeof n !== "number" || typeof f !== "number") return [];
  if (n >= 3 * f + 1) return [];
  return [`n = ${n} < 3f+1 = ${3 * f + 1}: below the Byzantine bound, this configuration is unsafe on purpose`];
}
