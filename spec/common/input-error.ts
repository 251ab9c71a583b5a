import type { z } from "zod";

/**
 * Bad input at a boundary (a model config, a schedule file, a CLI flag, a JSON case file).
 * The CLI prints `message` on one line and exits 2, never a stack trace (DEVELOPERS.md).
 */
export class InputError extends Error {
  override readonly name = "InputError";
}

/** "steps[3].deliver: expected string" — the field path first, then what to fix. */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out === "" ? String(key) : `.${String(key)}`;
  }
  return out;
}

export function describeZodError(error: z.ZodError, what: string): string {
  const issue = error.issues[0];
  if (issue === undefined) return `${what}: invalid`;
  const path = formatIssuePath(issue.path);
  const more = error.issues.length > 1 ? ` (and ${error.issues.length - 1} more problem${error.issues.length > 2 ? "s" : ""})` : "";
  return `${what}${path ? ` ${path}` : ""}: ${issue.message}${more}`;
}

/** Parse `value` with `schema` or throw an InputError naming `what` and the failing field. */
export function parseInput<T extends z.ZodType>(schema: T, value: unknown, what: string): z.infer<T> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new InputError(describeZodError(parsed.error, what));
  return parsed.data;
}
