import { z } from "zod";

/** The part of JSON Schema (draft 2020-12, as zod 4 writes it) that docs/cli.md renders. */
export interface JsonSchema {
  type?: string | string[];
  description?: string;
  default?: unknown;
  const?: unknown;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  propertyNames?: JsonSchema;
  items?: JsonSchema | false;
  prefixItems?: JsonSchema[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  /** Ours: a schema documented in a section of its own, shown as a link to it. */
  "x-doc-ref"?: string;
}

/** A zod schema with a section of its own: where it appears inside another, a link replaces its fields. */
export interface SchemaReference {
  schema: z.ZodType;
  /** The heading of its section, e.g. "Result". */
  heading: string;
}

/**
 * `schema` as JSON Schema of what a file may hold (`io: "input"`: defaults make a field
 * optional); refinements and transforms have no JSON Schema and are left out (their rules
 * are in the field descriptions). Each referenced schema is matched by its definition, which
 * `.describe()` and `.optional()` keep, and replaced by a link; a description given where it
 * is used is kept.
 */
export function toJsonSchema(schema: z.ZodType, references: readonly SchemaReference[] = []): JsonSchema {
  const others = references.filter((reference) => reference.schema._zod.def !== schema._zod.def);
  return z.toJSONSchema(schema, {
    io: "input",
    unrepresentable: "any",
    override: ({ zodSchema, jsonSchema }) => {
      const reference = others.find((candidate) => candidate.schema._zod.def === zodSchema._zod.def);
      if (reference === undefined) return;
      const description = jsonSchema.description;
      for (const key of Object.keys(jsonSchema)) delete (jsonSchema as Record<string, unknown>)[key];
      (jsonSchema as JsonSchema)["x-doc-ref"] = reference.heading;
      if (description !== undefined && description !== z.globalRegistry.get(reference.schema)?.description) jsonSchema.description = description;
    },
  }) as JsonSchema;
}
