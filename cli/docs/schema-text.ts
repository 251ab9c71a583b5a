import { anchor } from "./markdown.ts";
import type { JsonSchema } from "./json-schema.ts";

/**
 * A JSON Schema's type and bounds in a few words, TypeScript-like: `integer`, `"bfs" | "dfs"`,
 * `string[]`, `[string, string | null]`, `{ [string]: integer }`.
 */
export function typeText(schema: JsonSchema): string {
  if (schema["x-doc-ref"] !== undefined) return schema["x-doc-ref"];
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  if (schema.enum !== undefined) return schema.enum.map((value) => JSON.stringify(value)).join(" | ");
  if (schema.anyOf !== undefined) return schema.anyOf.map(typeText).join(" | ");
  if (Array.isArray(schema.type)) return schema.type.map((type) => typeText({ ...schema, type })).join(" | ");
  switch (schema.type) {
    case "array":
      if (schema.prefixItems !== undefined) return `[${schema.prefixItems.map(typeText).join(", ")}]`;
      return `${grouped(schema.items === undefined || schema.items === false ? {} : schema.items)}[]`;
    case "object":
      if (schema.properties === undefined && typeof schema.additionalProperties === "object") return `{ [string]: ${typeText(schema.additionalProperties)} }`;
      return "object";
    case undefined:
      return "any";
    default:
      return schema.type;
  }
}

/** An array's item type, in parentheses where it is a union: `(string | null)[]`, but `[string, string | null][]`. */
function grouped(schema: JsonSchema): string {
  const type = typeText(schema);
  return type.includes(" | ") && !type.startsWith("[") ? `(${type})` : type;
}

/** The type as a table cell: a link for a schema with a section of its own, else code. */
export function typeCell(schema: JsonSchema): string {
  const items = schema.type === "array" && schema.items !== undefined && schema.items !== false ? schema.items : undefined;
  const reference = schema["x-doc-ref"] ?? items?.["x-doc-ref"];
  if (reference !== undefined) return `[${reference}](#${anchor(reference)})${items !== undefined ? "[]" : ""}`;
  return `\`${typeText(schema).replace(/\|/g, "\\|")}\``;
}

/** Minimum, maximum, lengths and item counts; the bounds of an array's items after "each". */
export function boundsText(schema: JsonSchema): string {
  const parts: string[] = [];
  const nonNull = schema.anyOf?.filter((member) => member.type !== "null");
  if (nonNull?.length === 1) return boundsText(nonNull[0]!);
  const range = numberRange(schema);
  if (range) parts.push(range);
  const length = between(schema.minLength, schema.maxLength, "characters");
  if (length) parts.push(length);
  if (schema.prefixItems === undefined) {
    const count = between(schema.minItems, schema.maxItems, "items");
    if (count) parts.push(count);
  }
  if (schema.type === "array" && schema.items !== undefined && schema.items !== false && schema.items.type !== "object") {
    const each = boundsText(schema.items);
    if (each) parts.push(`each ${each}`);
  }
  return parts.join("; ");
}

function numberRange(schema: JsonSchema): string {
  // z.int() bounds every integer to the safe range (said once for all, not in every row).
  const low = schema.minimum === -Number.MAX_SAFE_INTEGER ? undefined : schema.minimum;
  const high = schema.maximum === Number.MAX_SAFE_INTEGER ? undefined : schema.maximum;
  if (low === undefined && schema.exclusiveMinimum !== undefined) return `> ${schema.exclusiveMinimum}${high === undefined ? "" : `, ≤ ${high}`}`;
  return between(low, high, "");
}

function between(low: number | undefined, high: number | undefined, unit: string): string {
  const suffix = unit ? ` ${unit}` : "";
  if (low !== undefined && high !== undefined) return low === high ? `exactly ${low}${suffix}` : `${low} to ${high}${suffix}`;
  if (low !== undefined) return low === 0 && unit ? "" : `≥ ${low}${suffix}`;
  if (high !== undefined) return `≤ ${high}${suffix}`;
  return "";
}
