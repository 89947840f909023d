// `track` callable: the one way client analytics events reach events/{id}. Signed in or not
// (the landing page runs before any sign-in), App Check when configured, a coarse per-IP limit,
// then validation, the campaign a landing's link matched, and one recording transaction.
import {
  DomainError,
  findForbiddenKey,
  landingRollup,
  matchCampaign,
  TRACK_LIMITS,
  TrackRequest,
  type CampaignEntry,
  type TrackResult,
} from "@ideaspark/domain";
import { onCall } from "firebase-functions/https";
import { requireAppCheck } from "../appCheck.js";
import { CONFIG_CACHE_SECONDS } from "../config.js";
import { loadCampaigns } from "../data/campaigns.js";
import { recordEvent, type RecordEventInput } from "../data/events.js";
import { toHttpsError } from "../errors.js";
import { createWindowLimiter, type WindowLimiter } from "./ipLimit.js";
import { callableCors } from "../callableCors.js";

export interface TrackCall {
  /** The signed-in caller's uid (anonymous accounts included), or null. */
  uid: string | null;
  /** The caller's address as the platform saw it, or null when unknown. */
  ip: string | null;
  data: unknown;
}

export interface TrackDeps {
  now(): number;
  campaigns(): Promise<CampaignEntry[]>;
  record(input: RecordEventInput): Promise<boolean>;
  ipLimiter: WindowLimiter;
}

export async function handleTrack(call: TrackCall, deps: TrackDeps): Promise<TrackResult> {
  const nowMs = deps.now();
  // Every call counts against the address, refused and malformed ones included.
  if (call.ip) {
    const byIp = deps.ipLimiter.take(call.ip, nowMs);
    if (!byIp.ok) throw DomainError.rateLimited(byIp.retryAfterSeconds);
  }
  const parsed = TrackRequest.safeParse(call.data);
  if (!parsed.success) throw DomainError.invalidArgument(parsed.error);
  const { eventId, name, visitorId, props, attribution } = parsed.data;

  let campaignId: string | null = null;
  // Only a referral code or a utm_source can match a campaign; nothing else costs a read.
  if (name === "landing_view" && (attribution?.ref || attribution?.utm_source)) {
    campaignId = matchCampaign(attribution, await deps.campaigns());
  }
  const recorded = await deps.record({
    eventId,
    event: { name, at: nowMs, uid: call.uid, visitorId, props, campaignId },
    rollup: name === "landing_view" ? landingRollup(campaignId) : null,
  });
  return { recorded };
}

const ipLimiter = createWindowLimiter({ perMinute: TRACK_LIMITS.ip, maxKeys: 10_000 });

export const track = onCall({ cors: callableCors }, async (request) => {
  try {
    requireAppCheck(request);
    // The callable decoder turns an own "__proto__" key into a prototype, hiding it from
    // validation; the raw JSON body still shows it.
    const body = request.rawRequest?.body as { data?: unknown } | undefined;
    const forbidden = findForbiddenKey(body?.data);
    if (forbidden) {
      throw new DomainError(
        "invalid-argument",
        `Invalid request: "${forbidden}" is not allowed (reserved key).`,
      );
    }
    return await handleTrack(
      { uid: request.auth?.uid ?? null, ip: request.rawRequest?.ip ?? null, data: request.data },
      {
        now: Date.now,
        campaigns: () => loadCampaigns(CONFIG_CACHE_SECONDS.value() * 1000),
        record: recordEvent,
        ipLimiter,
      },
    );
  } catch (error) {
    throw toHttpsError(error, "track");
  }
});
