import type { Command } from "commander";
import { z } from "zod";
import { InputError, formatIssuePath } from "../spec/common/input-error.ts";
import { documentExitCodes } from "./command-exit-codes.ts";
import { EXIT, INTERNAL_ERROR_OUTCOME, badInputOutcome, type ExitOutcome } from "./exit-codes.ts";
import { readJsonInput } from "./json-input.ts";

// replay and report read their inputs through here too.
export { readJsonInput };

/**
 * JSON case files of the audit commands (`merkle …`, `mpt …`): FILE or `-` for stdin holds
 * one case or an array of cases. Every problem is an InputError naming the case and field,
 * e.g. `cases[2].leaves[0]: expected 0x-prefixed hex with an even number of digits`.
 */

/**
 * Cases in one input. A realistic proof case takes 1–3 KiB of JSON, so the 64 MiB input
 * limit holds some 30,000 of them; tiny cases (`{"leaves": []}`) could number millions, each
 * parsed and answered in memory at once.
 */
export const MAX_CASES = 100_000;

/**
 * What the cases of one input may cost together, e.g. their Merkle leaves: each case is
 * bounded by its schema, and the sum over the cases by `max`, so that an input is bounded as
 * a whole and not only case by case.
 */
export interface CaseBudget<C> {
  cost: (parsed: C) => number;
  max: number;
  /** What `cost` counts, plural: "leaves". */
  unit: string;
  /** Why `max`, for the message. */
  why: string;
}

export interface Cases<T> {
  cases: T[];
  /** Whether the input was an array (the output then is an array too). */
  wasArray: boolean;
}

export function parseCases<T extends z.ZodType>(input: unknown, schema: T, budget?: CaseBudget<z.infer<T>>): Cases<z.infer<T>> {
  const wasArray = Array.isArray(input);
  const raw: unknown[] = wasArray ? (input as unknown[]) : [input];
  if (raw.length > MAX_CASES) throw new InputError(`cases: ${raw.length} cases, more than the ${MAX_CASES} one input may hold; split them over several files`);
  let spent = 0;
  const cases = raw.map((value, index) => {
    const where = wasArray ? `cases[${index}]` : "case";
    const parsed = schema.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const path = issue ? formatIssuePath(issue.path) : "";
      throw new InputError(`${where}${path ? `.${path}`.replace(".[", "[") : ""}: ${issue?.message ?? "invalid"}`);
    }
    if (budget !== undefined) {
      spent += budget.cost(parsed.data);
      if (spent > budget.max) {
        throw new InputError(`${where}: the cases up to here hold ${spent} ${budget.unit}, more than the ${budget.max} one input may hold (${budget.why}); split them over several files`);
      }
    }
    return parsed.data as z.infer<T>;
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

const HEX_MESSAGE = 'expected 0x-prefixed hex with an even number of digits, e.g. "0x00ff"';

/**
 * A character class and a parity check, both linear: a repeated group such as
 * /^0x([0-9a-f]{2})*$/ backtracks through one stack frame per pair, which overflows the
 * stack on a string of a few MiB.
 */
function isEvenHex(text: string): boolean {
  return text.length % 2 === 0 && /^0x[0-9a-fA-F]*$/.test(text);
}

function bytesOfHex(hex: string): Uint8Array {
  const buffer = Buffer.from(hex.slice(2), "hex");
  // A view, not a copy: Buffer.from packs small results into one shared slab.
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

/** 0x-prefixed, even-length hex → bytes; the zod message names the fix. */
export const hexBytes = z.string({ error: HEX_MESSAGE }).refine(isEvenHex, { message: HEX_MESSAGE }).transform(bytesOfHex);

/** Like hexBytes, at most `maxBytes` bytes: the length is checked before the digits are read. */
export function boundedHexBytes(maxBytes: number, what: string) {
  return z
    .string({ error: HEX_MESSAGE })
    .max(2 + 2 * maxBytes, `${what} must be at most ${maxBytes} bytes (0x + ${2 * maxBytes} hex digits)`)
    .refine(isEvenHex, { message: HEX_MESSAGE })
    .transform(bytesOfHex);
}

const HASH_MESSAGE = "expected a 32-byte hash (0x + 64 hex digits)";

/** 32-byte hash as 0x-hex; the length is a bound of its own so that docs/cli.md shows it. */
export const hexHash32 = z
  .string({ error: HASH_MESSAGE })
  .length(66, HASH_MESSAGE)
  .refine(isEvenHex, { message: HASH_MESSAGE })
  .transform(bytesOfHex);

export function toHex(bytes: Uint8Array): string {
  return `0x${Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("hex")}`;
}

/** One audit subcommand: its cases' schema, what it computes, and how a result reads. */
export interface CaseCommand<T extends z.ZodType, R> {
  name: string;
  description: string;
  schema: T;
  run: (input: z.infer<T>) => R;
  describe: (result: R) => string;
  /**
   * Verification commands only: whether a result is a valid proof. Any invalid one makes
   * the exit status 1, after every case was checked and printed.
   */
  isValid?: (result: R) => boolean;
  budget?: CaseBudget<z.infer<T>>;
}

const MALFORMED_INPUT = badInputOutcome("a file that cannot be read, or a malformed case, named with its field as in cases[2].leaves[0]");
const COMPUTE_EXIT_CODES: readonly ExitOutcome[] = [{ code: EXIT.ok, when: "every case is computed" }, MALFORMED_INPUT, INTERNAL_ERROR_OUTCOME];
const VERIFY_EXIT_CODES: readonly ExitOutcome[] = [
  { code: EXIT.ok, when: "every case's proof is valid" },
  { code: EXIT.unexpected, when: "at least one proof is invalid (every case is still checked and printed)" },
  MALFORMED_INPUT,
  INTERNAL_ERROR_OUTCOME,
];

/**
 * One audit subcommand (`merkle root FILE`, `mpt prove FILE`, …): read the cases, run each,
 * print the results in input order. Malformed input is an InputError (exit 2) before any case
 * runs; then a command that computes exits 0, one that verifies exits 1 if any proof is invalid.
 */
export function addCaseCommand<T extends z.ZodType, R>(parent: Command, setExitCode: (code: number) => void, command: CaseCommand<T, R>): void {
  const { isValid } = command;
  const registered = parent
    .command(command.name)
    .description(command.description)
    .argument("<file>", "JSON file with one case or an array of cases, or - for standard input")
    .option("--json", "print the results as JSON (an array when the input is one)")
    .action((file: string, options: { json?: boolean }) => {
      const { cases, wasArray } = parseCases(readJsonInput(file), command.schema, command.budget);
      const results = cases.map(command.run);
      printCaseResults(results, wasArray, options.json === true, command.describe);
      // Exit 1 reuses the code for "not as expected" (exit-codes.ts): a proof that should hold does not.
      if (isValid !== undefined && !results.every(isValid)) setExitCode(EXIT.unexpected);
    });
  documentExitCodes(registered, isValid === undefined ? COMPUTE_EXIT_CODES : VERIFY_EXIT_CODES);
}
