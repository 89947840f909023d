// First-party analytics events sent by the app through the `track` callable (the only writer of
// events/{id}): which names a client may send, the request and stored shapes, the per-visitor and
// per-account rate limit, and what a counted landing adds to its day's rollup. Sign-ups,
// verification, sparks, activity and conversions are derived on the server, never sent.
import { z } from "zod";
import { FORBIDDEN_KEYS, strictObject, textProblem } from "./fields.js";
import { Attribution } from "./profile.js";
import { decideRate } from "./rateLimit.js";
import { EMPTY_ROLLUP, type DayRollup } from "./rollups.js";

/** What the app itself may report: things only the browser sees. */
export const CLIENT_EVENT_NAMES = [
  "landing_view",
  "upgrade_clicked",
  "install_prompted",
  "installed",
] as const;
export type ClientEventName = (typeof CLIENT_EVENT_NAMES)[number];

/** Names the server derives from its own records; a client sending one is refused by name. */
export const SERVER_EVENT_NAMES: readonly string[] = [
  "signup",
  "sign_up",
  "email_verified",
  "verified",
  "first_spark",
  "spark_submitted",
  "spark_completed",
  "activated",
  "active",
  "quota_reached",
  "conversion",
  "converted",
  "upgraded",
];

export const MAX_EVENT_PROPS = 10;
export const MAX_PROP_TEXT = 200;
const PROP_KEY = /^[A-Za-z0-9_]{1,40}$/;
const CLIENT_ID = /^[A-Za-z0-9_-]{20,40}$/;

/** An id the browser makes (an event's, or the visitor's kept in localStorage). */
export const clientId = (field: string) =>
  z
    .string({ error: `${field} must be text` })
    .regex(CLIENT_ID, { error: `${field} must be 20–40 letters, digits, '-' or '_'` });

/** A client event name; a server-derived one is refused by name. */
export const EventName = z.enum(CLIENT_EVENT_NAMES, {
  error: (issue) =>
    typeof issue.input === "string" && SERVER_EVENT_NAMES.includes(issue.input)
      ? `name "${issue.input}" is recorded by the server and cannot be sent by the app`
      : `name must be one of: ${CLIENT_EVENT_NAMES.join(", ")}`,
});

const PropValue = z
  .union([z.string(), z.number(), z.boolean()], {
    error: "props values must be text, a number or true/false",
  })
  .superRefine((value, ctx) => {
    if (typeof value !== "string") return;
    const problem = textProblem("props value", value, { max: MAX_PROP_TEXT });
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });

/** Up to 10 flat entries: short keys, values text (≤ 200 characters), a number or a boolean. */
export const EventProps = z.preprocess(
  (input, ctx) => {
    if (input === null || typeof input !== "object" || Array.isArray(input)) return input;
    const keys = Object.keys(input);
    // Checked before the entries so a huge object is refused without walking it.
    if (keys.length > MAX_EVENT_PROPS) {
      ctx.issues.push({
        code: "custom",
        message: `props holds at most ${MAX_EVENT_PROPS} entries (got ${keys.length})`,
        input,
      });
      return {};
    }
    const forbidden = keys.find((key) => FORBIDDEN_KEYS.includes(key));
    if (forbidden) {
      ctx.issues.push({ code: "custom", message: `props: "${forbidden}" is not allowed`, input });
      return {};
    }
    return input;
  },
  z.record(
    z.string().regex(PROP_KEY, { error: "props keys must be 1–40 letters, digits or '_'" }),
    PropValue,
    {
      error: (issue) =>
        issue.code === "invalid_key"
          ? "props keys must be 1–40 letters, digits or '_'"
          : "props must be an object of flat values",
    },
  ),
);
export type EventProps = Record<string, string | number | boolean>;

/** `track` request: one event, its id doubling as the document id so a retry is not counted twice. */
export const TrackRequest = strictObject("request", {
  eventId: clientId("eventId"),
  name: EventName,
  visitorId: clientId("visitorId"),
  props: EventProps.default({}),
  /** The campaign parameters of the landing URL (landing_view only). */
  attribution: Attribution.optional(),
}).superRefine((request, ctx) => {
  if (request.attribution !== undefined && request.name !== "landing_view") {
    ctx.addIssue({
      code: "custom",
      path: ["attribution"],
      message: "attribution is only sent with landing_view",
    });
  }
});
export type TrackRequest = z.input<typeof TrackRequest>;
export type ParsedTrackRequest = z.output<typeof TrackRequest>;

/** `track` answer: false when this eventId was already recorded (a retry). */
export const TrackResult = z.object({ recorded: z.boolean() });
export type TrackResult = z.infer<typeof TrackResult>;

/** events/{eventId} as the callable stores it (`at`: server time, ms). */
export const EventDoc = z.object({
  name: z.enum(CLIENT_EVENT_NAMES),
  at: z.number().int().nonnegative(),
  uid: z.string().nullable(),
  visitorId: z.string(),
  props: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
  /** landing_view: the campaign its link matched, null when none did (and for other events). */
  campaignId: z.string().nullable(),
});
export type EventDoc = z.infer<typeof EventDoc>;

/** visitors/{key}: recent event times of one visitor or account (functions only). */
export const RateDoc = z.object({
  recent: z.array(z.number()).catch([]),
  updatedAt: z.number().catch(0),
});
export type RateDoc = z.infer<typeof RateDoc>;

/** Events per minute: per browser (visitorId), per signed-in account, per IP (per instance). */
export const TRACK_LIMITS = { visitor: 30, account: 30, ip: 600 } as const;

export type TrackRateDecision =
  | { ok: true; visitor: number[]; account: number[] | null }
  | { ok: false; retryAfterSeconds: number; limitedBy: "visitor" | "account" };

/**
 * Allows an event when both the visitor and (if signed in) the account are under their limit;
 * on success, the lists of recent times to store. On refusal, the longer of the waits.
 */
export function decideTrackRate(input: {
  visitor: readonly number[];
  account: readonly number[] | null;
  nowMs: number;
}): TrackRateDecision {
  const { nowMs } = input;
  const visitor = decideRate({ recent: input.visitor, nowMs, perMinute: TRACK_LIMITS.visitor });
  const account =
    input.account === null
      ? null
      : decideRate({ recent: input.account, nowMs, perMinute: TRACK_LIMITS.account });
  const refusals = [
    visitor.ok ? null : { limitedBy: "visitor" as const, wait: visitor.retryAfterSeconds },
    account === null || account.ok
      ? null
      : { limitedBy: "account" as const, wait: account.retryAfterSeconds },
  ].filter((r) => r !== null);
  const longest = refusals.sort((a, b) => b.wait - a.wait)[0];
  if (longest) return { ok: false, retryAfterSeconds: longest.wait, limitedBy: longest.limitedBy };
  return {
    ok: true,
    visitor: visitor.ok ? visitor.recent : [],
    account: account?.ok ? account.recent : null,
  };
}

/** What one counted landing adds to its day (no campaign key when its link matched none). */
export function landingRollup(campaignId: string | null): DayRollup {
  return {
    ...EMPTY_ROLLUP,
    landings: 1,
    campaignLandings: campaignId === null ? {} : { [campaignId]: 1 },
  };
}
