// Walks a JSON Schema (object/array/string/number/integer/boolean/enum, anyOf, $ref) and
// builds a conforming value. Arrays of objects become ideas; field names pick the content.
import { isRecord } from "./brief.js";
import { ideaSeed, listForField, textForField } from "./ideas.js";
import type { IdeaContext, IdeaSeed } from "./ideas.js";
import { fitString, numberFor, stringForFormat } from "./scalars.js";

type Schema = Record<string, unknown>;

interface WalkState {
  ctx: IdeaContext;
  root: Schema;
  ideaCount: number;
  ideasClaimed: boolean;
}

/** Builds a value for `schema`; the first array of objects gets `ideaCount` ideas. */
export function valueFromSchema(schema: Schema, ctx: IdeaContext, ideaCount: number): unknown {
  return walk(schema, "", null, { ctx, root: schema, ideaCount, ideasClaimed: false }, 0);
}

function walk(
  raw: Schema,
  key: string,
  idea: IdeaSeed | null,
  st: WalkState,
  depth: number,
): unknown {
  const schema = resolveRef(raw, st.root);
  const { rng } = st.ctx;
  if ("const" in schema) return schema.const;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) {
    const options = schema.enum.filter((v) => v !== null);
    return options.length > 0 ? rng.pick(options) : null;
  }
  const variants = schema.anyOf ?? schema.oneOf;
  if (Array.isArray(variants) && variants.length > 0) {
    const records = variants.filter(isRecord);
    const chosen = records.find((v) => v.type !== "null") ?? records[0];
    return chosen ? walk(chosen, key, idea, st, depth + 1) : null;
  }
  if (Array.isArray(schema.allOf)) {
    const merged = schema.allOf.filter(isRecord).reduce(mergeSchemas, { ...schema, allOf: [] });
    return walk(merged, key, idea, st, depth + 1);
  }
  if (depth > 12) return null;
  switch (primaryType(schema)) {
    case "object":
      return objectValue(schema, idea, st, depth);
    case "array":
      return arrayValue(schema, key, idea, st, depth);
    case "integer":
      return numberFor(key, schema, rng, true);
    case "number":
      return numberFor(key, schema, rng, false);
    case "boolean":
      return rng.next() < 0.5;
    case "null":
      return null;
    default:
      return stringValue(schema, key, idea, st);
  }
}

function objectValue(
  schema: Schema,
  idea: IdeaSeed | null,
  st: WalkState,
  depth: number,
): Record<string, unknown> {
  const properties = isRecord(schema.properties) ? schema.properties : {};
  const result: Record<string, unknown> = {};
  for (const [name, child] of Object.entries(properties)) {
    if (isRecord(child)) result[name] = walk(child, name, idea, st, depth + 1);
  }
  return result;
}

function arrayValue(
  schema: Schema,
  key: string,
  idea: IdeaSeed | null,
  st: WalkState,
  depth: number,
): unknown[] {
  const items = isRecord(schema.items) ? resolveRef(schema.items, st.root) : { type: "string" };
  const min = typeof schema.minItems === "number" ? schema.minItems : 0;
  const max = typeof schema.maxItems === "number" ? schema.maxItems : Infinity;
  const clamp = (n: number) => Math.max(min, Math.min(max, n));
  const isIdeaList = primaryType(items) === "object" && idea === null && !st.ideasClaimed;
  if (isIdeaList) {
    st.ideasClaimed = true;
    const count = clamp(st.ideaCount);
    return Array.from({ length: count }, (_, i) =>
      walk(items, key, ideaSeed(st.ctx, i), st, depth + 1),
    );
  }
  const plainStrings = primaryType(items) === "string" && !items.enum && !items.format;
  if (plainStrings) {
    const list = listForField(key, st.ctx, idea, clamp(3));
    return list.map((text) => fitString(text, items, st.ctx.brief.shortTopic));
  }
  return Array.from({ length: clamp(2) }, () => walk(items, key, idea, st, depth + 1));
}

function stringValue(schema: Schema, key: string, idea: IdeaSeed | null, st: WalkState): string {
  const formatted = stringForFormat(schema.format, st.ctx.rng);
  if (formatted !== null) return formatted;
  return fitString(textForField(key, st.ctx, idea), schema, st.ctx.brief.shortTopic);
}

function primaryType(schema: Schema): string {
  const { type } = schema;
  if (typeof type === "string") return type;
  if (Array.isArray(type)) {
    const concrete = type.find((t) => t !== "null");
    return typeof concrete === "string" ? concrete : "null";
  }
  if (isRecord(schema.properties)) return "object";
  if (schema.items !== undefined) return "array";
  return "string";
}

function resolveRef(schema: Schema, root: Schema): Schema {
  let current = schema;
  for (let hops = 0; typeof current.$ref === "string" && hops < 16; hops++) {
    const ref = current.$ref as string;
    if (!ref.startsWith("#")) return { type: "string" };
    const path = ref.slice(1).split("/").filter(Boolean).map(decodePointer);
    let target: unknown = root;
    for (const part of path) target = isRecord(target) ? target[part] : undefined;
    if (!isRecord(target)) return { type: "string" };
    const { $ref: _ref, ...rest } = current;
    current = { ...target, ...rest };
  }
  return current;
}

function decodePointer(part: string): string {
  return decodeURIComponent(part).replaceAll("~1", "/").replaceAll("~0", "~");
}

function mergeSchemas(base: Schema, next: Schema): Schema {
  const props = { ...(isRecord(base.properties) ? base.properties : {}) };
  Object.assign(props, isRecord(next.properties) ? next.properties : {});
  return { ...base, ...next, properties: props, allOf: [] };
}
