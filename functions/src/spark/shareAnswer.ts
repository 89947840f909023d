// Whether a whole model answer enters the shared brief cache, and putting it there. The cache
// hands one person's answer to everyone who asks the same brief, so an answer goes in only when
// the brief is shareable (see isCacheable), its author consented to AI data use, and moderation
// passed the ideas' own text.
import type { AppConfig, AttemptRecord, Idea } from "@ideaspark/domain";
import { logger } from "firebase-functions/logger";
import type { ModelClient } from "../ai/modelClient.js";
import type { CacheEntry } from "../data/sparkCache.js";
import { moderateAnswer } from "./moderate.js";

export type ShareDecision =
  | "stored"
  /** The brief carries personal context, or the operator turned the cache off. */
  | "not-cacheable"
  /** The person did not consent to AI data use (or has no profile saying they did). */
  | "no-consent"
  /** The answer was cut short: only whole answers are shared. */
  | "incomplete"
  /** Moderation flagged the ideas. */
  | "flagged"
  /** Moderation failed or timed out: nothing unchecked is shared. */
  | "unchecked"
  /** Moderation passed but the write failed. */
  | "store-failed";

export interface ShareInput {
  client: ModelClient;
  config: Pick<AppConfig, "models" | "retry" | "timeouts">;
  /** The brief's cache key; null when the brief is not shared. */
  key: string | null;
  aiDataUseConsent: boolean;
  /** The whole answer; undefined when the model did not finish one. */
  ideas: Idea[] | undefined;
  model: string;
  nowMs: number;
  store: (key: string, entry: CacheEntry) => Promise<void>;
}

/** What became of the answer, with the moderation call it took (none when not eligible). */
export interface Shared {
  decision: ShareDecision;
  attempts: AttemptRecord[];
}

export async function shareAnswer(input: ShareInput): Promise<Shared> {
  const { key, ideas } = input;
  if (key === null) return { decision: "not-cacheable", attempts: [] };
  if (!input.aiDataUseConsent) return { decision: "no-consent", attempts: [] };
  if (!ideas) return { decision: "incomplete", attempts: [] };

  const moderation = await moderateAnswer(input.client, ideas, input.config);
  const { attempts } = moderation;
  if (moderation.kind === "flagged") {
    logger.warn("moderation flagged a model answer: not cached", {
      categories: moderation.categories,
    });
    return { decision: "flagged", attempts };
  }
  if (moderation.kind !== "passed") return { decision: "unchecked", attempts };

  try {
    await input.store(key, { ideas, model: input.model, createdAt: input.nowMs });
    return { decision: "stored", attempts };
  } catch (error) {
    logger.warn("could not store a cache entry", { error: String(error) });
    return { decision: "store-failed", attempts };
  }
}
