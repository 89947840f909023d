// This period's usage for the signed-in person: tokens used (quota doc; missing = 0), the plan
// (users/{uid}.plan, default free) and its monthly limit from config/app (or a per-user override).
import {
  DEFAULT_APP_CONFIG,
  monthlyTokenLimit,
  periodKey,
  periodResetsAt,
  type AppConfig,
  type PlanId,
  type QuotaDoc,
} from "@ideaspark/domain";
import { useMemo, useState } from "react";
import { useAuth } from "../auth/authStore";
import { lazyModule, lazySubscribe, useLive, type Subscribe } from "../../state/useLive";
import { useProfile } from "../settings/useProfile";

/** One import of the data module for every usage hook on the screen. */
export const loadUsage = lazyModule(() => import("../../data/usage"));

export type UsageSummary =
  | { status: "loading" }
  | { status: "error"; error: Error }
  | {
      status: "ready";
      period: string;
      resetsAt: Date;
      used: number;
      limit: number;
      plan: PlanId;
      config: AppConfig;
      fromCache: boolean;
    };

/** The current billing period ("YYYY-MM", UTC), fixed for the life of the screen. */
export function useCurrentPeriod(): string {
  const [period] = useState(() => periodKey(Date.now()));
  return period;
}

export function useAppConfig() {
  const subscribe = useMemo(
    () =>
      lazySubscribe(
        loadUsage,
        (usage): Subscribe<AppConfig> =>
          (onNext, onError) =>
            usage.watchAppConfig(onNext, onError),
      ),
    [],
  );
  return useLive("config/app", subscribe);
}

export function useUsageSummary(): UsageSummary {
  const uid = useAuth((state) => state.user?.uid ?? null);
  const period = useCurrentPeriod();
  const profile = useProfile(uid);
  const config = useAppConfig();
  const subscribe = useMemo(
    () =>
      lazySubscribe(
        loadUsage,
        (usage): Subscribe<QuotaDoc | null> =>
          (onNext, onError) =>
            usage.watchQuota(uid ?? "", period, onNext, onError),
      ),
    [uid, period],
  );
  const quota = useLive(uid && `${uid}_${period}`, subscribe);

  if (quota.status === "error") return quota;
  if (quota.status === "loading" || profile.status === "loading" || config.status === "loading") {
    return { status: "loading" };
  }
  // Without a readable profile or config the person is on the free plan with default limits.
  const plan = profile.status === "ready" ? profile.profile.plan : "free";
  const appConfig = config.status === "ready" ? config.data : DEFAULT_APP_CONFIG;
  return {
    status: "ready",
    period,
    resetsAt: periodResetsAt(period),
    used: quota.data?.used ?? 0,
    limit: monthlyTokenLimit(appConfig, plan, quota.data?.limit),
    plan,
    config: appConfig,
    fromCache: quota.fromCache,
  };
}
