// The landing URL parameters that name a campaign, and how long a first touch counts. Kept free of
// zod so the static landing page can use them without downloading any schema code (it imports
// this file through the package's "./attributionKeys" export, not the main entry).
export const ATTRIBUTION_KEYS = [
  "utm_source",
  "utm_medium",
  "utm_campaign",
  "utm_term",
  "utm_content",
  "ref",
] as const;
export const ATTRIBUTION_TTL_DAYS = 30;
