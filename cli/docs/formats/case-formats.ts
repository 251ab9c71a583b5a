import type { z } from "zod";
import { MAX_CASES } from "../../case-file.ts";
import { consistencyCase, inclusionCase, rootCase as merkleRootCase } from "../../commands/merkle.ts";
import { proveCase, rootCase as mptRootCase, verifyCase } from "../../commands/mpt.ts";
import { toJsonSchema } from "../json-schema.ts";
import { link } from "../markdown.ts";
import { fieldTable } from "../schema-table.ts";

export interface CaseFormat {
  command: string;
  schema: z.ZodType;
  /** What the command prints for one case with --json. */
  prints: string;
}

export const MERKLE_CASE_FORMATS: readonly CaseFormat[] = [
  { command: "merkle root", schema: merkleRootCase, prints: '`{"root": "0x…"}`' },
  { command: "merkle verify-inclusion", schema: inclusionCase, prints: '`{"valid": true}` or `{"valid": false, "error": "…"}`' },
  { command: "merkle verify-consistency", schema: consistencyCase, prints: '`{"valid": true}` or `{"valid": false, "error": "…"}`' },
];

export const MPT_CASE_FORMATS: readonly CaseFormat[] = [
  { command: "mpt root", schema: mptRootCase, prints: '`{"root": "0x…"}`' },
  {
    command: "mpt prove",
    schema: proveCase,
    prints: '`{"root", "key", "proof", "value"}` (and `"secure"` when the case set it), which `mpt verify-proof` reads as it is',
  },
  { command: "mpt verify-proof", schema: verifyCase, prints: '`{"valid": true, "value": "0x…" | null}` or `{"valid": false, "value": null, "error": "…"}`' },
];

export function caseFormatHeading(command: string): string {
  return `${command} case`;
}

/** "Merkle case files" and "MPT case files": what the audit commands read and print. */
export function caseSections(): string {
  return [
    "### Merkle and MPT case files",
    "FILE (or `-` for standard input) holds one case, or an array of cases: the output is then an array with `--json`, `case N:` lines without it. " +
      `An input holds at most ${MAX_CASES} cases. Byte strings are \`0x\`-hex with an even number of digits (\`"0x"\` is the empty string); hashes are 32 bytes (0x + 64 hex digits). ` +
      "Malformed input is refused before any case runs, with one line naming the case and the field, e.g. `cases[1].leaves[0]: expected 0x-prefixed hex…`. " +
      "`examples/README.md` has a sample file of each.",
    ...[...MERKLE_CASE_FORMATS, ...MPT_CASE_FORMATS].flatMap(({ command, schema, prints }) => [
      `#### ${caseFormatHeading(command)}`,
      `Read by ${link(command)}. For each case it prints ${prints}.`,
      fieldTable(toJsonSchema(schema)),
    ]),
  ].join("\n\n");
}
