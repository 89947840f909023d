// Display names of the plans (ids and limits live in config/app).
import type { PlanId } from "@ideaspark/domain";

export const PLAN_NAMES: Record<PlanId, string> = { free: "Free", pro: "Pro" };
