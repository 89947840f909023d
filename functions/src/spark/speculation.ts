// The parts of a spark that only read, started before the reservation transaction so they run
// beside it: the brief's moderation and its brief-cache lookup. Neither may show the caller
// anything by itself: the handler awaits the moderation before any idea (cached ones included)
// and before the model call, and drops both when the reservation refuses. So a request the
// reservation refuses (rate-limited, a resend, over quota) may still have sent its brief to
// moderation: free, aborted at the refusal, and never in any record.
import {
  isCacheable,
  PROMPT_VERSION,
  sparkCacheKey,
  type AppConfig,
  type SparkBrief,
} from "@ideaspark/domain";
import { logger } from "firebase-functions/logger";
import type { ModelClient } from "../ai/modelClient.js";
import type { CacheEntry } from "../data/sparkCache.js";
import { moderateBrief, type Moderation } from "./moderate.js";

export interface Speculation {
  /** The brief's moderation (never read before the reservation succeeded). */
  moderation: Promise<Moderation>;
  /** The brief cache's key under `config` (its primary model); null when not cached. */
  cacheKey(config: AppConfig): Promise<string | null>;
  /** The cache's entry for the brief under `config`; null on a miss or a failed read. */
  cached(config: AppConfig): Promise<CacheEntry | null>;
  /**
   * The request was refused: stops the moderation call. It is never recorded — a refusal
   * changes nothing — and costs nothing, since OpenAI does not bill moderation.
   */
  abort(): void;
}

export interface SpeculationInput {
  client: ModelClient;
  config: AppConfig;
  brief: SparkBrief;
  /** The caller's disconnect. */
  signal: AbortSignal;
  lookup: (key: string, nowMs: number) => Promise<CacheEntry | null>;
}

/** The brief as moderation reads it. */
export function briefText(brief: SparkBrief): string {
  return [brief.topic, brief.audience, brief.constraints].filter(Boolean).join("\n");
}

export function startSpeculation(input: SpeculationInput): Speculation {
  const { client, config, brief, lookup } = input;
  const refused = new AbortController();
  const moderation = moderateBrief(
    client,
    briefText(brief),
    config,
    AbortSignal.any([input.signal, refused.signal]),
  );
  // Read only after a successful reservation: a refused request never awaits it, so its
  // rejection (a bug; moderateBrief reports failures as results) must not go unhandled.
  moderation.catch(() => undefined);

  const lookups = new Map<string, Promise<CacheEntry | null>>();
  const cacheKey = async (cfg: AppConfig): Promise<string | null> => {
    if (!cfg.cacheEnabled || !isCacheable(brief)) return null;
    return sparkCacheKey({ model: cfg.models.primary, promptVersion: PROMPT_VERSION, brief });
  };
  const cached = async (cfg: AppConfig): Promise<CacheEntry | null> => {
    const key = await cacheKey(cfg);
    if (key === null) return null;
    let hit = lookups.get(key);
    if (!hit) {
      // A failed read is a miss: the model answers instead (and it never rejects unawaited).
      // Entries are stamped with the wall clock, so their age is read with it too.
      hit = lookup(key, Date.now()).catch((error: unknown) => {
        logger.warn("brief cache lookup failed: answered as a miss", { error: String(error) });
        return null;
      });
      lookups.set(key, hit);
    }
    return hit;
  };
  // The lookup under the request's own config starts now; a request degraded to another model
  // (cheaper-model at the budget) looks up that model's key when it knows it.
  cached(config).catch(() => undefined);

  return { moderation, cacheKey, cached, abort: () => refused.abort() };
}
