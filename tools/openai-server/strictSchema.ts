// Strict Structured Outputs: the schema rules the real API enforces when a json_schema format
// has `strict: true`, with its "Invalid schema for response_format 'NAME': …" messages.
import { isRecord } from "./brief.js";

type Schema = Record<string, unknown>;

export const MAX_NESTING = 10;
export const MAX_PROPERTIES = 5000;
export const MAX_ENUM_VALUES = 1000;

/** Keywords strict mode refuses anywhere in the schema. */
const NOT_PERMITTED = [
  "minLength",
  "maxLength",
  "patternProperties",
  "unevaluatedProperties",
  "unevaluatedItems",
  "propertyNames",
  "minProperties",
  "maxProperties",
  "contains",
  "minContains",
  "maxContains",
  "uniqueItems",
  "dependentRequired",
  "dependentSchemas",
  "if",
  "then",
  "else",
  "not",
];

type Path = (string | number)[];

interface Walk {
  properties: number;
  enumValues: number;
}

class SchemaProblem extends Error {}

/** The real API's message for a schema strict mode refuses, or null when it is accepted. */
export function strictSchemaProblem(name: string, schema: Schema): string | null {
  const prefix = `Invalid schema for response_format '${name}': `;
  if (schema.type !== "object" || "anyOf" in schema) {
    const type = typeof schema.type === "string" ? schema.type : "None";
    return `${prefix}schema must be a JSON Schema of 'type: "object"', got 'type: "${type}"'.`;
  }
  const walk: Walk = { properties: 0, enumValues: 0 };
  try {
    visit(schema, [], 0, walk);
    for (const defsKey of ["$defs", "definitions"]) {
      const defs = schema[defsKey];
      if (!isRecord(defs)) continue;
      for (const [key, def] of Object.entries(defs)) visit(def, [defsKey, key], 1, walk);
    }
  } catch (error) {
    if (error instanceof SchemaProblem) return prefix + error.message;
    throw error;
  }
  if (walk.properties > MAX_PROPERTIES) {
    return `${prefix}The schema has ${walk.properties} object properties in total, exceeding the limit of ${MAX_PROPERTIES}.`;
  }
  if (walk.enumValues > MAX_ENUM_VALUES) {
    return `${prefix}The schema has ${walk.enumValues} enum values in total, exceeding the limit of ${MAX_ENUM_VALUES}.`;
  }
  return null;
}

function visit(node: unknown, path: Path, depth: number, walk: Walk): void {
  if (!isRecord(node)) return;
  const fail = (message: string): never => {
    throw new SchemaProblem(`In context=${context(path)}, ${message}`);
  };
  for (const keyword of NOT_PERMITTED) if (keyword in node) fail(`'${keyword}' is not permitted.`);
  if (!["type", "anyOf", "$ref", "enum", "const"].some((key) => key in node)) {
    fail("schema must have a 'type' key.");
  }
  if (Array.isArray(node.enum)) walk.enumValues += node.enum.length;
  const types = Array.isArray(node.type) ? node.type : [node.type];
  let level = depth;
  if (types.includes("object")) {
    level = depth + 1;
    if (level > MAX_NESTING) {
      fail(`the schema is nested ${level} objects deep, exceeding the limit of ${MAX_NESTING}.`);
    }
    if (node.additionalProperties !== false) {
      fail("'additionalProperties' is required to be supplied and to be false.");
    }
    const properties = isRecord(node.properties) ? node.properties : {};
    const required = Array.isArray(node.required) ? node.required : null;
    const missing = Object.keys(properties).find((key) => !required?.includes(key));
    if (missing !== undefined) {
      fail(
        `'required' is required to be supplied and to be an array including every key in properties. Missing '${missing}'.`,
      );
    }
    for (const [key, property] of Object.entries(properties)) {
      walk.properties++;
      visit(property, [...path, "properties", key], level, walk);
    }
  }
  if (node.items !== undefined) visit(node.items, [...path, "items"], level, walk);
  if (Array.isArray(node.anyOf)) {
    node.anyOf.forEach((variant, i) => visit(variant, [...path, "anyOf", i], level, walk));
  }
}

/** Python's tuple repr, as the real API prints the path: (), ('a',), ('a', 'b', 0). */
function context(path: Path): string {
  const parts = path.map((part) => (typeof part === "number" ? String(part) : `'${part}'`));
  if (parts.length === 1) return `(${parts[0]},)`;
  return `(${parts.join(", ")})`;
}
