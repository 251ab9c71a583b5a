import { readFileSync } from "node:fs";
import type { Command } from "commander";
import { z } from "zod";
import { InputError, formatIssuePath } from "../spec/common/input-error.ts";

/**
 * JSON case files of the audit commands (`merkle …`, `mpt …`): FILE or `-` for stdin holds
 * one case or an array of cases. Every problem is an InputError naming the case and field,
 * e.g. `cases[2].leaves[0]: odd-length hex "0xabc"`.
 */
export function readJsonInput(file: string): unknown {
  let text: string;
  try {
    text = file === "-" ? readFileSync(0, "utf8") : readFileSync(file, "utf8");
  } catch (error) {
    throw new InputError(`cannot read ${file === "-" ? "standard input" : file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new InputError(`${file === "-" ? "standard input" : file} is not valid JSON: ${(error as Error).message}`);
  }
}

export interface Cases<T> {
  cases: T[];
  /** Whether the input was an array (the output then is an array too). */
  wasArray: boolean;
}

export function parseCases<T extends z.ZodType>(input: unknown, schema: T): Cases<z.infer<T>> {
  const wasArray = Array.isArray(input);
  const raw: unknown[] = wasArray ? (input as unknown[]) : [input];
  const cases = raw.map((value, index) => {
    const parsed = schema.safeParse(value);
    if (parsed.success) return parsed.data as z.infer<T>;
    const issue = parsed.error.issues[0];
    const where = wasArray ? `cases[${index}]` : "case";
    const path = issue ? formatIssuePath(issue.path) : "";
    throw new InputError(`${where}${path ? `.${path}`.replace(".[", "[") : ""}: ${issue?.message ?? "invalid"}`);
  });
  return { cases, wasArray };
}

/** `--json`: the results as JSON (an array when the input was one); otherwise one line per case. */
export function printCaseResults<R>(results: R[], wasArray: boolean, json: boolean, describe: (result: R, index: number) => string): void {
  if (json) {
    process.stdout.write(`${JSON.stringify(wasArray ? results : results[0], null, 2)}\n`);
    return;
  }
  results.forEach((result, index) => process.stdout.write(`${wasArray ? `case ${index}: ` : ""}${describe(result, index)}\n`));
}

/** 0x-prefixed, even-length hex → bytes; the zod message names the fix. */
export const hexBytes = z
  .string()
  .regex(/^0x([0-9a-fA-F]{2})*$/, { message: 'expected 0x-prefixed hex with an even number of digits, e.g. "0x00ff"' })
  .transform((hex) => Uint8Array.from(Buffer.from(hex.slice(2), "hex")));

/** 32-byte hash as 0x-hex. */
export const hexHash32 = hexBytes.refine((bytes) => bytes.length === 32, { message: "expected a 32-byte hash (0x + 64 hex digits)" });

export function toHex(bytes: Uint8Array): string {
  return `0x${Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("hex")}`;
}

/**
 * One audit subcommand (`merkle root FILE`, `mpt prove FILE`, …): read the cases, run each,
 * print the results in input order. Exit 0 whatever the verdicts; malformed input is an
 * InputError (exit 2) before any case runs.
 */
export function addCaseCommand<T extends z.ZodType, R>(parent: Command, name: string, description: string, schema: T, run: (input: z.infer<T>) => R, describe: (result: R) => string): void {
  parent
    .command(name)
    .description(description)
    .argument("<file>", "JSON file with one case or an array of cases, or - for standard input")
    .option("--json", "print the results as JSON (an array when the input is one)")
    .action((file: string, options: { json?: boolean }) => {
      const { cases, wasArray } = parseCases(readJsonInput(file), schema);
      printCaseResults(cases.map(run), wasArray, options.json === true, describe);
    });
}
