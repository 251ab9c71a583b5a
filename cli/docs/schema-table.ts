import type { JsonSchema } from "./json-schema.ts";
import { code, table, text } from "./markdown.ts";
import { boundsText, typeCell } from "./schema-text.ts";

/**
 * One row per field of an object schema: its name, type, whether it is required (or its
 * default), its bounds and its description. Nested objects and arrays of objects are
 * flattened (`network.drop`, `byzantine[].replica`) unless they have a section of their own.
 */
export function fieldTable(schema: JsonSchema): string {
  const rows = fieldRows(schema, "");
  const closing =
    schema.additionalProperties === false ? "No other field is accepted." : schema.additionalProperties === undefined ? "Other fields are ignored." : "";
  return `${table(["field", "type", "required", "bounds", "description"], rows)}${closing ? `\n\n${closing}` : ""}`;
}

function fieldRows(schema: JsonSchema, prefix: string): string[][] {
  const rows: string[][] = [];
  const required = new Set(schema.required ?? []);
  for (const [name, field] of Object.entries(schema.properties ?? {})) {
    const path = `${prefix}${name}`;
    rows.push([code(path), typeCell(field), presence(field, required.has(name)), text(boundsText(field)), text(field.description ?? "")]);
    if (field["x-doc-ref"] !== undefined) continue;
    if (field.properties !== undefined) rows.push(...fieldRows(field, `${path}.`));
    const items = field.type === "array" && field.items !== undefined && field.items !== false ? field.items : undefined;
    if (items?.properties !== undefined && items["x-doc-ref"] === undefined) rows.push(...fieldRows(items, `${path}[].`));
  }
  return rows;
}

function presence(field: JsonSchema, required: boolean): string {
  if (field.default !== undefined) return `default ${code(JSON.stringify(field.default))}`;
  return required ? "required" : "optional";
}
