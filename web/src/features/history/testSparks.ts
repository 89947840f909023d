// Spark documents for the home and history unit tests.
import type { SparkDoc } from "@ideaspark/domain";
import { sampleIdea } from "@ideaspark/domain/testing";
import type { StoredSpark } from "../../data/history";

export function testSpark(id: string, overrides: Partial<SparkDoc> = {}): StoredSpark {
  const createdAt = overrides.createdAt ?? Date.now();
  return {
    id,
    spark: {
      requestId: id,
      brief: { topic: `Topic ${id}`, count: 2 },
      ideas: [sampleIdea, { ...sampleIdea, title: `Second idea of ${id}` }],
      status: "complete",
      model: "gpt-4.1-mini",
      promptVersion: "v1",
      createdAt,
      completedAt: createdAt + 1_000,
      usage: { inputTokens: 100, outputTokens: 300, costUsd: 0.001 },
      cached: false,
      starred: [],
      feedback: null,
      ...overrides,
    },
  };
}
