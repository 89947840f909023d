// The admin area's sections: route, name, and what each will show once built.
export interface AdminSectionInfo {
  /** Path under /admin; "" is the overview. */
  path: string;
  title: string;
  description: string;
}

export const ADMIN_SECTIONS: readonly AdminSectionInfo[] = [
  {
    path: "",
    title: "Overview",
    description:
      "AI cost today and this month against the budget, daily and monthly active users, and new sign-ups.",
  },
  {
    path: "users",
    title: "Users",
    description: "Every user with their tokens used, cost, plan and role.",
  },
  {
    path: "usage",
    title: "Usage",
    description: "Requests, tokens, cache hits, latency and errors by day and by model.",
  },
  {
    path: "campaigns",
    title: "Campaigns",
    description:
      "Marketing campaigns with their spend, the users they brought, and the cost of acquiring each (CAC).",
  },
  {
    path: "funnel",
    title: "Funnel",
    description: "From landing to sign-up to first spark to reaching the quota, step by step.",
  },
  {
    path: "alerts",
    title: "Alerts",
    description: "Budget alarms at the configured thresholds and what triggered them.",
  },
  {
    path: "ai",
    title: "AI config",
    description:
      "Models, prices per million tokens, plan quotas, the monthly budget and the kill switch.",
  },
];
