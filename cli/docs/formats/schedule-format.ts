import { z } from "zod";
import { STEP_KINDS, scheduleSchema, stepSchemas } from "../../../spec/common/schedule.ts";
import { toJsonSchema, type JsonSchema } from "../json-schema.ts";
import { code, table, text } from "../markdown.ts";
import { SCHEDULE_HEADING, SCHEMA_REFERENCES, STEP_KINDS_HEADING } from "../references.ts";
import { fieldTable } from "../schema-table.ts";
import { boundsText, typeText } from "../schema-text.ts";

/** "Schedule" and its "Step kinds": the one format of counterexamples, replay files and regression tests. */
export function scheduleSection(): string {
  return [
    `### ${SCHEDULE_HEADING}`,
    "The one format of a counterexample, a replay file and a regression test (`spec/common/schedule.ts`): " +
      "`reports/<model>.schedule.json`, the `counterexample` of a Result, and what `replay` reads. " +
      "Replaying it runs its steps one by one on the model it names, with the config it carries, and must reach the same states.",
    fieldTable(toJsonSchema(scheduleSchema, SCHEMA_REFERENCES)),
    `#### ${STEP_KINDS_HEADING}`,
    "A step is an object with exactly one of these keys, which says its kind; a model enables the kinds it has actions for.",
    table(
      ["step", "fields", "what happens"],
      STEP_KINDS.map((kind) => {
        const schema = toJsonSchema(stepSchemas[kind]);
        return [code(kind), stepFields(schema), text(z.globalRegistry.get(stepSchemas[kind])?.description ?? "")];
      }),
    ),
  ].join("\n\n");
}

/** `deliver`: string, 1 to 1024 characters; …, and what any other key may hold (a Byzantine step's arguments). */
function stepFields(schema: JsonSchema): string {
  const fields = Object.entries(schema.properties ?? {}).map(([name, field]) => {
    const bounds = boundsText(field);
    return `${code(name)}: ${code(typeText(field))}${bounds ? ` (${text(bounds)})` : ""}`;
  });
  if (typeof schema.additionalProperties === "object") fields.push(`any other key: ${code(typeText(schema.additionalProperties))}`);
  return fields.join("; ");
}
