import type { z } from "zod";
import { describeZodError, InputError } from "../../spec/common/input-error.ts";

/**
 * A checkpoint that cannot be read back: cut short by the kill it was meant to survive, or
 * damaged on disk. One line, as every InputError (the CLI prints it and exits 2).
 */
export function corruptCheckpoint(detail: string): InputError {
  return new InputError(`checkpoint: truncated or corrupt (${detail})`);
}

/** `schema.parse(value)`, a mismatch being a corrupt checkpoint that names the field (`what`). */
export function parseCheckpointPart<T extends z.ZodType>(schema: T, value: unknown, what: string): z.infer<T> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw corruptCheckpoint(describeZodError(parsed.error, what));
  return parsed.data;
}
