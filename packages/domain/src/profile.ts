// users/{uid}: the profile a person creates at sign-up (with first-touch campaign
// attribution, written once) and the few fields they may change later. Plan and counters are
// written by functions only; firestore.rules enforces the same limits as these schemas.
import { z } from "zod";
import { PLAN_IDS } from "./config.js";
import { safeText, strictObject } from "./fields.js";

export { ATTRIBUTION_KEYS, ATTRIBUTION_TTL_DAYS } from "./attributionKeys.js";

const attributionValue = (key: string) => safeText(key, { min: 1, max: 100 });

/** First-touch campaign attribution captured on landing (`utm_*` / `ref` query parameters). */
export const Attribution = strictObject("attribution", {
  utm_source: attributionValue("utm_source").optional(),
  utm_medium: attributionValue("utm_medium").optional(),
  utm_campaign: attributionValue("utm_campaign").optional(),
  utm_term: attributionValue("utm_term").optional(),
  utm_content: attributionValue("utm_content").optional(),
  ref: attributionValue("ref").optional(),
  /** Path of the landing page, e.g. "/welcome". */
  landingPath: safeText("landingPath", { min: 1, max: 200 }),
  /** When the visitor first landed (ms since epoch). */
  capturedAt: z.number().int().nonnegative(),
});
export type Attribution = z.infer<typeof Attribution>;

export const DisplayName = safeText("displayName", { min: 1, max: 80 });

/** What the client writes once, at sign-up, to create users/{uid}. */
export const UserProfileCreate = strictObject("profile", {
  email: z.email({ error: "email must be a valid email address" }).max(254),
  displayName: DisplayName,
  /** ms since epoch; rules require it to be close to the server's time. */
  createdAt: z.number().int().nonnegative(),
  attribution: Attribution.nullable(),
  aiDataUseConsent: z.boolean(),
});
export type UserProfileCreate = z.infer<typeof UserProfileCreate>;

/** What the owner may change afterwards. */
export const UserProfileUpdate = strictObject("profile update", {
  displayName: DisplayName.optional(),
  aiDataUseConsent: z.boolean().optional(),
});
export type UserProfileUpdate = z.infer<typeof UserProfileUpdate>;

/** users/{uid} as read back (functions add plan and counters; unknown keys ignored). */
export const UserProfile = z.object({
  email: z.string(),
  displayName: z.string(),
  createdAt: z.number(),
  attribution: Attribution.nullable().default(null),
  aiDataUseConsent: z.boolean().default(false),
  plan: z.enum(PLAN_IDS).default("free"),
});
export type UserProfile = z.infer<typeof UserProfile>;
