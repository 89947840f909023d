// One demo spark request as the settlement would have recorded it: the provider calls it made
// (moderation, generation attempts, retries, the fallback model), what the provider billed for
// them and what the person was charged — priced and charged by the domain's own ledger rules.
import {
  AttemptRecord,
  attemptCostUsd,
  chargeFor,
  estimateHoldTokens,
  maxOutputTokensFor,
  periodKey,
  providerTotals,
  settingsFor,
  UsageRecord,
  type AppConfig,
  type UsageStatus,
} from "@ideaspark/domain";
import type { Rng } from "./prng.js";

/** The dated snapshots the provider answers with (priced by their alias). */
const SNAPSHOTS: Record<string, string> = {
  "gpt-6-luna": "gpt-6-luna-2026-09-22",
  "gpt-5.4-nano": "gpt-5.4-nano-2026-03-05",
};

export const REQUEST_SHAPES = [
  "ok",
  "ok-after-retry",
  "ok-on-fallback",
  "cached",
  "partial",
  "error",
  "flagged",
  "refused",
] as const;
type Shape = (typeof REQUEST_SHAPES)[number];
const SHAPE_WEIGHTS = [0.78, 0.045, 0.015, 0.05, 0.045, 0.03, 0.015, 0.02];

export interface RequestInput {
  uid: string;
  requestId: string;
  createdAt: number;
  campaignId: string;
  signedUpAt: number;
}

export interface DemoRequest {
  usage: UsageRecord;
  /** Tokens the request held against the quota while it ran. */
  holdTokens: number;
}

export function demoRequest(rng: Rng, input: RequestInput, config: AppConfig): DemoRequest {
  const shape = rng.weighted(REQUEST_SHAPES, SHAPE_WEIGHTS);
  const count = rng.weighted([3, 4, 5, 6], [0.35, 0.2, 0.3, 0.15]);
  const prompt = rng.int(360, 560);
  const { primary, fallback, moderation } = config.models;
  const holdTokens = estimateHoldTokens(
    prompt,
    Math.max(
      ...[primary, fallback].map((model) =>
        maxOutputTokensFor(count, config.maxOutputTokens, settingsFor(config, model) ?? undefined),
      ),
    ),
  );

  const call = (
    model: string,
    outcome: AttemptRecord["outcome"],
    ideas: number,
    extra: { partialTokens?: number; keptBefore?: number; code?: string } = {},
  ): AttemptRecord => {
    if (outcome === "failed") {
      return AttemptRecord.parse({
        kind: "generation",
        model,
        inputTokens: 0,
        outputTokens: 0,
        cachedInputTokens: 0,
        costUsd: 0,
        outcome,
        estimated: false,
        code: extra.code ?? "server_error",
      });
    }
    const reasons = settingsFor(config, model)?.reasoningEffort !== "none";
    const perIdea = reasons ? rng.normal(560, 60) : rng.normal(330, 40);
    const inputTokens = prompt + 30 * (extra.keptBefore ?? 0);
    const outputTokens = Math.max(1, Math.round(40 + ideas * perIdea + (extra.partialTokens ?? 0)));
    const snapshot = SNAPSHOTS[model] ?? model;
    const tokens = { model: snapshot, inputTokens, outputTokens, cachedInputTokens: 0 };
    return AttemptRecord.parse({
      kind: "generation",
      ...tokens,
      reasoningTokens: reasons ? Math.round(outputTokens * rng.normal(0.32, 0.05)) : 0,
      costUsd: attemptCostUsd(tokens, config.pricing),
      outcome,
      estimated: outcome === "dropped" || outcome === "timeout",
      ideas,
      ...(extra.code ? { code: extra.code } : {}),
    });
  };
  const moderationCall = (flagged: boolean) =>
    AttemptRecord.parse({
      kind: "moderation",
      model: moderation,
      inputTokens: 0,
      outputTokens: 0,
      cachedInputTokens: 0,
      costUsd: 0,
      outcome: flagged ? "flagged" : "ok",
      estimated: false,
    });

  const perIdeaMs = () => Math.max(600, rng.normal(1_400, 250));
  const backoffMs = () => rng.int(600, 2_500);
  let attempts: AttemptRecord[];
  let status: UsageStatus = "ok";
  let cached = false;
  let errorCode: string | undefined;
  let latencyMs = 900 + count * perIdeaMs();
  const kept = rng.int(1, count - 1);

  switch (shape as Shape) {
    case "ok":
      attempts = [moderationCall(false), call(primary, "ok", count)];
      break;
    case "ok-after-retry":
      attempts = [
        moderationCall(false),
        call(primary, "failed", 0, { code: "rate_limit_exceeded" }),
        call(primary, "ok", count),
      ];
      latencyMs += backoffMs();
      break;
    case "ok-on-fallback":
      attempts = [
        moderationCall(false),
        call(primary, "dropped", kept, { partialTokens: rng.int(40, 300), code: "server_error" }),
        call(primary, "failed", 0),
        call(fallback, "ok", count - kept, { keptBefore: kept }),
      ];
      latencyMs += 2 * backoffMs();
      break;
    case "cached":
      attempts = [moderationCall(false)];
      cached = true;
      latencyMs = rng.int(250, 900);
      break;
    case "partial":
      attempts = [
        moderationCall(false),
        call(primary, "dropped", kept, { partialTokens: rng.int(40, 300), code: "server_error" }),
        call(primary, "failed", 0),
        call(fallback, "failed", 0, { code: "service_unavailable" }),
      ];
      status = "partial";
      latencyMs = 900 + kept * perIdeaMs() + 2 * backoffMs();
      break;
    case "error":
      attempts = [
        moderationCall(false),
        call(primary, "failed", 0),
        call(primary, "timeout", 0, { partialTokens: rng.int(80, 600) }),
        call(fallback, "failed", 0, { code: "service_unavailable" }),
      ];
      status = "error";
      errorCode = "provider-unavailable";
      latencyMs = rng.int(30_000, 70_000);
      break;
    case "flagged":
      attempts = [moderationCall(true)];
      status = "refused";
      errorCode = "moderation-refused";
      latencyMs = rng.int(250, 700);
      break;
    case "refused":
      attempts = [moderationCall(false), call(primary, "refused", 0, { partialTokens: 20 })];
      status = "refused";
      errorCode = "refused";
      latencyMs = rng.int(900, 2_500);
      break;
  }

  const generations = attempts.filter((a) => a.kind === "generation");
  const delivered = cached ? count : generations.reduce((sum, a) => sum + a.ideas, 0);
  const provider = providerTotals(attempts);
  const charge = chargeFor({
    status,
    cached,
    attempts,
    capTokens: holdTokens,
    pricing: config.pricing,
  });
  const usage = UsageRecord.parse({
    uid: input.uid,
    requestId: input.requestId,
    sparkId: input.requestId,
    model: generations.at(-1)?.model ?? primary,
    inputTokens: charge.inputTokens,
    outputTokens: charge.outputTokens,
    cachedInputTokens: provider.cachedInputTokens,
    costUsd: charge.costUsd,
    providerUsage: provider,
    attemptLog: attempts,
    ideasRequested: count,
    ideasDelivered: delivered,
    cached,
    estimated: attempts.some((a) => a.estimated),
    latencyMs: Math.round(latencyMs),
    attempts: generations.length,
    status,
    ...(errorCode ? { errorCode } : {}),
    period: periodKey(input.createdAt),
    createdAt: input.createdAt,
    campaignId: input.campaignId,
    signedUpAt: input.signedUpAt,
  });
  return { usage, holdTokens };
}
