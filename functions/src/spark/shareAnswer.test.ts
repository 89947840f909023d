// shareAnswer against a scripted moderation client and an in-memory store: which answers enter
// the shared cache, which moderation call each one took, and that a hung or failing moderation
// keeps the answer out within the moderation timeout.
import { DEFAULT_APP_CONFIG, type AppConfig, type Idea } from "@ideaspark/domain";
import { describe, expect, it } from "vitest";
import type { CacheEntry } from "../data/sparkCache.js";
import { ModelCallError, type ModelClient, type ModerationResult } from "../ai/modelClient.js";
import { ideasText } from "./moderate.js";
import { shareAnswer, type ShareInput } from "./shareAnswer.js";

const idea = (n: number): Idea => ({
  title: `Idea number ${n}`,
  pitch: `A pitch for idea ${n}.`,
  whyItWorks: `Why idea ${n} works.`,
  effort: "low",
  firstSteps: [`First step ${n}`, `Second step ${n}`],
});
const IDEAS = [idea(1), idea(2)];

const CONFIG: AppConfig = {
  ...DEFAULT_APP_CONFIG,
  timeouts: { ...DEFAULT_APP_CONFIG.timeouts, moderationMs: 50 },
  retry: { maxAttempts: 3, baseMs: 1, maxMs: 5 },
};

type Moderate = (input: string, signal: AbortSignal) => Promise<ModerationResult>;
const answers =
  (flagged: boolean, categories: string[] = []): Moderate =>
  async () => ({ flagged, categories, model: "omni-moderation-2024-09-26" });

function setup(moderate: Moderate, overrides: Partial<ShareInput> = {}) {
  const moderated: string[] = [];
  const stored = new Map<string, CacheEntry>();
  const client: ModelClient = {
    moderate: (input, _model, signal) => {
      moderated.push(input);
      return moderate(input, signal);
    },
    stream: () => Promise.reject(new Error("sharing an answer never generates")),
  };
  const input: ShareInput = {
    client,
    config: CONFIG,
    key: "k".repeat(64),
    aiDataUseConsent: true,
    ideas: IDEAS,
    model: "gpt-6-luna-2026-03-01",
    nowMs: 1_000,
    store: async (key, entry) => void stored.set(key, entry),
    ...overrides,
  };
  return { input, moderated, stored };
}

describe("shareAnswer", () => {
  it("stores a consenting person's whole answer once moderation of its ideas passed", async () => {
    const { input, moderated, stored } = setup(answers(false));
    const shared = await shareAnswer(input);
    expect(shared.decision).toBe("stored");
    expect(moderated).toEqual([ideasText(IDEAS)]);
    expect(shared.attempts).toEqual([
      expect.objectContaining({
        kind: "moderation",
        model: "omni-moderation-2024-09-26",
        outcome: "ok",
        costUsd: 0,
        inputTokens: 0,
      }),
    ]);
    expect(stored.get(input.key as string)).toEqual({
      ideas: IDEAS,
      model: "gpt-6-luna-2026-03-01",
      createdAt: 1_000,
    });
  });

  it("keeps a flagged answer out and records the flagged call", async () => {
    const { input, stored } = setup(answers(true, ["violence"]));
    const shared = await shareAnswer(input);
    expect(shared.decision).toBe("flagged");
    expect(shared.attempts.map((a) => [a.kind, a.outcome])).toEqual([["moderation", "flagged"]]);
    expect(stored.size).toBe(0);
  });

  it("stores nothing, and moderates nothing, for a person who did not consent", async () => {
    const { input, moderated, stored } = setup(answers(false), { aiDataUseConsent: false });
    expect(await shareAnswer(input)).toEqual({ decision: "no-consent", attempts: [] });
    expect(moderated).toEqual([]);
    expect(stored.size).toBe(0);
  });

  it("stores nothing for a brief that is not shared, nor for an answer cut short", async () => {
    const personal = setup(answers(false), { key: null });
    expect(await shareAnswer(personal.input)).toEqual({ decision: "not-cacheable", attempts: [] });
    const cut = setup(answers(false), { ideas: undefined });
    expect(await shareAnswer(cut.input)).toEqual({ decision: "incomplete", attempts: [] });
    expect(personal.moderated.length + cut.moderated.length).toBe(0);
  });

  it("gives up on a hung moderation at its timeout, with one call and no retry", async () => {
    const hangs: Moderate = (_input, signal) =>
      new Promise((_resolve, reject) =>
        signal.addEventListener("abort", () => reject(new Error("aborted"))),
      );
    const { input, moderated, stored } = setup(hangs);
    const started = Date.now();
    const shared = await shareAnswer(input);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(shared.decision).toBe("unchecked");
    expect(shared.attempts.map((a) => a.outcome)).toEqual(["timeout"]);
    expect(moderated).toHaveLength(1);
    expect(stored.size).toBe(0);
  });

  it("does not retry a failed moderation call: the answer simply stays out", async () => {
    const fails: Moderate = async () => {
      throw new ModelCallError("server error", { code: "server_error", status: 500 });
    };
    const { input, moderated, stored } = setup(fails);
    const shared = await shareAnswer(input);
    expect(shared).toMatchObject({ decision: "unchecked" });
    expect(shared.attempts.map((a) => [a.outcome, a.code])).toEqual([["failed", "server_error"]]);
    expect(moderated).toHaveLength(1);
    expect(stored.size).toBe(0);
  });

  it("still delivers the decision when the cache write fails after moderation passed", async () => {
    const { input } = setup(answers(false), {
      store: () => Promise.reject(new Error("unavailable")),
    });
    const shared = await shareAnswer(input);
    expect(shared.decision).toBe("store-failed");
    expect(shared.attempts).toHaveLength(1);
  });
});

describe("ideasText", () => {
  it("gives moderation every field of every idea", () => {
    expect(ideasText([idea(1)]).split("\n")).toEqual([
      "Idea number 1",
      "A pitch for idea 1.",
      "Why idea 1 works.",
      "First step 1",
      "Second step 1",
    ]);
  });
});
