// Produces the assistant's output text for a request: JSON matching the requested
// json_schema (or a default idea list for json_object), otherwise a short plain-text answer.
import type { Brief } from "./brief.js";
import { createIdeaContext, ideaSeed } from "./ideas.js";
import { createRng } from "./random.js";
import { valueFromSchema } from "./schemaValues.js";

export const DEFAULT_IDEA_COUNT = 5;

/** The `text.format` of a request, already validated. */
export type TextFormat =
  | { type: "text" }
  | { type: "json_object" }
  | { type: "json_schema"; name: string; schema: Record<string, unknown>; strict?: unknown };

const DEFAULT_IDEAS_SCHEMA = {
  type: "object",
  properties: {
    ideas: {
      type: "array",
      items: {
        type: "object",
        properties: {
          title: { type: "string" },
          pitch: { type: "string" },
          firstSteps: { type: "array", items: { type: "string" } },
        },
      },
    },
  },
};

export function generateOutputText(brief: Brief, format: TextFormat): string {
  const ctx = createIdeaContext(brief, createRng(brief.seed));
  const count = brief.requestedCount ?? DEFAULT_IDEA_COUNT;
  switch (format.type) {
    case "json_schema":
      return JSON.stringify(valueFromSchema(format.schema, ctx, count));
    case "json_object":
      return JSON.stringify(valueFromSchema(DEFAULT_IDEAS_SCHEMA, ctx, count));
    case "text": {
      const ideas = Array.from({ length: brief.requestedCount ?? 3 }, (_, i) => ideaSeed(ctx, i));
      const lines = ideas.map((idea, i) => `${i + 1}. ${idea.title}: ${idea.pitch}`);
      return [`Here are ${ideas.length} ideas for ${brief.topic}:`, ...lines].join("\n");
    }
  }
}
