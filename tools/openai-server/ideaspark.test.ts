// The request IdeaSpark's functions send (configured models and efforts, strict idea-list
// format, output budget) is accepted and answered in full, reasoning included.
import {
  DEFAULT_APP_CONFIG,
  ideaListFormat,
  maxOutputTokensFor,
  settingsFor,
} from "@ideaspark/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collect, startTestServer } from "./testServer.js";
import type { TestServer } from "./testServer.js";

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.server.close());

describe("IdeaSpark's own model requests", () => {
  it.each(["primary", "fallback"] as const)(
    "answer the %s model in full within the app's output budget",
    async (role) => {
      const model = DEFAULT_APP_CONFIG.models[role];
      const settings = settingsFor(DEFAULT_APP_CONFIG, model);
      const effort = settings?.reasoningEffort ?? null;
      const stream = await t.client.responses.create({
        model,
        instructions: "You are IdeaSpark. Answer with specific, actionable ideas.",
        input: "Topic: a repair café for a small town\nAudience: retirees\nNumber of ideas: 5",
        text: { format: ideaListFormat(5) },
        max_output_tokens: maxOutputTokensFor(
          5,
          DEFAULT_APP_CONFIG.maxOutputTokens,
          settings ?? undefined,
        ),
        ...(effort ? { reasoning: { effort } } : {}),
        safety_identifier: "user-hash",
        stream: true,
        store: false,
      });
      const last = (await collect(stream)).at(-1);
      if (last?.type !== "response.completed") throw new Error(`ended with ${last?.type}`);
      const message = last.response.output.find((item) => item.type === "message");
      const part = message?.type === "message" ? message.content[0] : undefined;
      const text = part?.type === "output_text" ? part.text : "";
      expect((JSON.parse(text) as { ideas: unknown[] }).ideas).toHaveLength(5);
      const reasons = effort !== null && effort !== "none" && effort !== "minimal";
      expect(last.response.usage?.output_tokens_details.reasoning_tokens ?? 0).toSatisfy(
        (n: number) => (reasons ? n > 0 : n === 0),
      );
    },
  );
});
