// Strict json_schema formats through the openai SDK: schemas the real API refuses get its 400
// and message; allowed keywords, non-strict formats and IdeaSpark's own schema are answered.
import { EFFORTS, ideaListFormat } from "@ideaspark/domain";
import { BadRequestError } from "openai";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startTestServer } from "./testServer.js";
import type { TestServer } from "./testServer.js";

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
beforeEach(() => t.reset());
afterAll(() => t.server.close());

type Schema = Record<string, unknown>;

const ask = (schema: Schema, strict = true) =>
  t.client.responses.create({
    model: "gpt-4.1-mini",
    input: "Topic: a neighbourhood tool library\n3 ideas",
    text: { format: { type: "json_schema", name: "plan", strict, schema } },
  });
const refusal = async (schema: Schema) => {
  const error = await ask(schema).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(BadRequestError);
  const body = (error as BadRequestError).error as Record<string, unknown>;
  expect(body).toMatchObject({
    type: "invalid_request_error",
    param: "text.format.schema",
    code: "invalid_json_schema",
  });
  return body.message as string;
};

/** An object schema as strict mode wants it: closed, every property required. */
const obj = (properties: Record<string, Schema>, extra: Schema = {}): Schema => ({
  type: "object",
  properties,
  required: Object.keys(properties),
  additionalProperties: false,
  ...extra,
});
const str: Schema = { type: "string" };

describe("strict json_schema formats", () => {
  it("refuses an object without additionalProperties: false", async () => {
    const { additionalProperties: _, ...open } = obj({ name: str });
    expect(await refusal(open)).toBe(
      "Invalid schema for response_format 'plan': In context=(), 'additionalProperties' is required to be supplied and to be false.",
    );
  });

  it("refuses a nested object whose required list misses a property", async () => {
    const idea = obj({ title: str, pitch: str }, { required: ["title"] });
    const schema = obj({ ideas: { type: "array", items: idea } });
    expect(await refusal(schema)).toBe(
      "Invalid schema for response_format 'plan': In context=('properties', 'ideas', 'items'), 'required' is required to be supplied and to be an array including every key in properties. Missing 'pitch'.",
    );
  });

  it.each([
    [{ anyOf: [obj({ a: str }), obj({ b: str })] }, "None"],
    [{ type: "array", items: str }, "array"],
  ])("refuses a root that is not an object: %j", async (schema, got) => {
    expect(await refusal(schema)).toBe(
      `Invalid schema for response_format 'plan': schema must be a JSON Schema of 'type: "object"', got 'type: "${got}"'.`,
    );
  });

  it.each([
    ["minLength", { type: "string", minLength: 3 }],
    ["maxLength", { type: "string", maxLength: 30 }],
    ["patternProperties", { ...obj({}), patternProperties: { "^x": str } }],
    ["unevaluatedProperties", { ...obj({}), unevaluatedProperties: false }],
    ["propertyNames", { ...obj({}), propertyNames: { pattern: "^x" } }],
    ["minProperties", { ...obj({}), minProperties: 1 }],
    ["maxProperties", { ...obj({}), maxProperties: 3 }],
    ["if", { type: "string", if: { const: "a" }, then: str, else: str }],
    ["not", { type: "string", not: { const: "a" } }],
  ])("refuses the keyword %s, which strict mode does not permit", async (keyword, name) => {
    expect(await refusal(obj({ name }))).toBe(
      `Invalid schema for response_format 'plan': In context=('properties', 'name'), '${keyword}' is not permitted.`,
    );
  });

  it("refuses objects nested more than 10 deep and accepts 10", async () => {
    const nested = (levels: number): Schema =>
      levels === 1 ? obj({ leaf: str }) : obj({ child: nested(levels - 1) });
    expect(await refusal(nested(11))).toMatch(/nested 11 objects deep, exceeding the limit of 10/);
    expect((await ask(nested(10))).status).toBe("completed");
  });

  it("refuses more than 5000 properties in total and accepts 5000", async () => {
    const wide = (count: number) =>
      obj(
        Object.fromEntries(Array.from({ length: count }, (_, i) => [`f${i}`, { type: "boolean" }])),
      );
    expect(await refusal(wide(5001))).toBe(
      "Invalid schema for response_format 'plan': The schema has 5001 object properties in total, exceeding the limit of 5000.",
    );
    expect((await ask(wide(5000))).status).toBe("completed");
  });

  it("refuses more than 1000 enum values and accepts 1000", async () => {
    const values = (count: number) => Array.from({ length: count }, (_, i) => `v${i}`);
    const schema = (count: number) => obj({ pick: { type: "string", enum: values(count) } });
    expect(await refusal(schema(1001))).toMatch(
      /1001 enum values in total, exceeding the limit of 1000/,
    );
    expect((await ask(schema(1000))).status).toBe("completed");
  });

  it("accepts the keywords strict mode allows and answers JSON that fits", async () => {
    const idea = obj({
      title: { type: "string", description: "A short name." },
      code: { type: "string", pattern: "^[A-Z]{3}$" },
      contact: { type: "string", format: "email" },
      effort: { type: "string", enum: ["S", "M", "L"] },
      kind: { const: "idea" },
      owner: { anyOf: [obj({ name: str }), { type: "null" }] },
    });
    const schema = obj(
      { ideas: { type: "array", minItems: 3, maxItems: 3, items: { $ref: "#/$defs/idea" } } },
      { $defs: { idea } },
    );
    const response = await ask(schema);
    const ideas = (JSON.parse(response.output_text) as { ideas: Record<string, unknown>[] }).ideas;
    expect(ideas).toHaveLength(3);
    for (const entry of ideas) {
      expect(["S", "M", "L"]).toContain(entry.effort);
      expect(entry.kind).toBe("idea");
    }
  });

  it("checks $defs like the rest of the schema", async () => {
    const schema = obj(
      { idea: { $ref: "#/$defs/idea" } },
      { $defs: { idea: { ...obj({ a: str }), required: [] } } },
    );
    expect(await refusal(schema)).toMatch(
      /In context=\('\$defs', 'idea'\), 'required' is required/,
    );
  });

  it("leaves non-strict formats alone", async () => {
    const open = { type: "object", properties: { name: { type: "string", minLength: 3 } } };
    expect((await ask(open, false)).status).toBe("completed");
  });

  it("accepts IdeaSpark's own idea-list format and fills it", async () => {
    const response = await t.client.responses.create({
      model: "gpt-5-mini",
      input: "Topic: a neighbourhood tool library",
      text: { format: ideaListFormat(3) },
    });
    expect(response.status).toBe("completed");
    const { ideas } = JSON.parse(response.output_text) as { ideas: Record<string, unknown>[] };
    expect(ideas).toHaveLength(3);
    for (const idea of ideas) {
      expect(Object.keys(idea).sort()).toEqual([
        "effort",
        "firstSteps",
        "pitch",
        "title",
        "whyItWorks",
      ]);
      expect(EFFORTS).toContain(idea.effort);
    }
  });
});
