import { resultSchema } from "../../../explorer/result.ts";
import { toJsonSchema } from "../json-schema.ts";
import { RESULT_HEADING, SCHEMA_REFERENCES } from "../references.ts";
import { fieldTable } from "../schema-table.ts";

/** "Result": what one run found. */
export function resultSection(): string {
  return [
    `### ${RESULT_HEADING}`,
    "What one run of the explorer found (`explorer/result.ts`): `reports/<model>.json`, what `check`, `explore` and `simulate` print with `--json` " +
      "(`check` adds `expectation`, how the Result compares with the model's pinned expectation, and prints an array for several models), and what `report` and `replay` read.",
    fieldTable(toJsonSchema(resultSchema, SCHEMA_REFERENCES)),
  ].join("\n\n");
}
