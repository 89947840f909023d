// The three admin exports as CSV documents: users with their figures for a month, the month's
// usage records, and the month's campaign results. Money in USD, times in ISO 8601 (UTC).
import type { QuotaDoc, UsageRecord } from "@ideaspark/domain";
import type { AdminUser } from "../../../data/adminUsers";
import type { CampaignResult } from "../campaigns/campaignResults";
import { acquisitionName } from "../users/adminFormat";
import { toCsv } from "./csv";

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const usd = (micros: number) => micros / 1e6;

export function usersCsv(
  users: readonly AdminUser[],
  quotas: ReadonlyMap<string, QuotaDoc>,
  campaignNames: ReadonlyMap<string, string>,
): string {
  return toCsv(
    [
      "uid",
      "email",
      "plan",
      "role",
      "campaign",
      "signup_date",
      "period_tokens",
      "period_provider_cost_usd",
      "all_time_provider_cost_usd",
      "requests",
      "last_active",
    ],
    users.map(({ uid, user }) => {
      const quota = quotas.get(uid);
      return [
        uid,
        user.email,
        user.plan,
        user.role,
        acquisitionName(user.growth.campaignId, campaignNames),
        iso(user.createdAt),
        quota?.used ?? 0,
        usd(quota?.providerCostMicros ?? 0),
        usd(user.growth.providerCostMicros),
        user.growth.requests,
        iso(user.growth.lastActiveAt),
      ];
    }),
  );
}

export function usageCsv(records: readonly UsageRecord[]): string {
  return toCsv(
    [
      "request_id",
      "uid",
      "created_at",
      "status",
      "error_code",
      "model",
      "cached",
      "ideas_requested",
      "ideas_delivered",
      "charged_input_tokens",
      "charged_output_tokens",
      "charged_cost_usd",
      "provider_input_tokens",
      "provider_output_tokens",
      "provider_cost_usd",
      "latency_ms",
      "campaign",
    ],
    records.map((r) => [
      r.requestId,
      r.uid,
      iso(r.createdAt),
      r.status,
      r.errorCode ?? null,
      r.model,
      r.cached,
      r.ideasRequested,
      r.ideasDelivered,
      r.inputTokens,
      r.outputTokens,
      r.costUsd,
      r.providerUsage.inputTokens,
      r.providerUsage.outputTokens,
      r.providerUsage.costUsd,
      r.latencyMs,
      r.campaignId,
    ]),
  );
}

export function campaignResultsCsv(period: string, rows: readonly CampaignResult[]): string {
  return toCsv(
    [
      "period",
      "campaign_id",
      "campaign",
      "spend_usd",
      "landings",
      "signups",
      "cac_usd",
      "activation_rate",
      "ai_cost_usd",
      "ai_cost_per_signup_usd",
      "pro_conversion_rate",
      "arpu_usd",
      "gross_margin",
      "ltv_to_cac",
      "payback_months",
    ],
    rows.map((r) => [
      period,
      r.id,
      r.name,
      r.spendUsd,
      r.landings,
      r.signUps,
      r.cacUsd,
      r.activationRate,
      r.aiCostUsd,
      r.aiCostPerUserUsd,
      r.proConversionRate,
      r.arpuUsd,
      r.grossMargin,
      r.ltvToCac,
      r.paybackMonths,
    ]),
  );
}
