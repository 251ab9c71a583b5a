import { BASELINE_VERSION, baselineSchema } from "../../../reporting/baseline.ts";
import { toJsonSchema } from "../json-schema.ts";
import { BASELINE_HEADING, SCHEMA_REFERENCES } from "../references.ts";
import { fieldTable } from "../schema-table.ts";

/** "Baseline": what `audit` compares with and `audit --update` writes. */
export function baselineSection(): string {
  return [
    `### ${BASELINE_HEADING}`,
    "What `audit --baseline FILE` compares a run with and `audit --update` writes (`reporting/baseline.ts`); `reports/baseline.json`, committed, holds the quick profile's models and `npm test` checks it is current. " +
      "It keeps each model's verdict, figures and the lengths of what was found, not the schedules, and nothing that changes from run to run (no dates, no hashes of the sources): " +
      "models in name order, every record's keys sorted, two-space JSON, so the file changes only where behaviour did. " +
      `A file of another version than ${BASELINE_VERSION} is refused (exit 2). \`--update\` replaces the entries of the models it ran and keeps the others (with \`--all\`, entries of models no longer bundled are dropped).`,
    fieldTable(toJsonSchema(baselineSchema, SCHEMA_REFERENCES)),
  ].join("\n\n");
}
