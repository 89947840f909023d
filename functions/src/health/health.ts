// `health` callable: proves auth context, Firestore and the function runtime are all wired.
// Anyone may call it, so Firestore is probed at most once per HEALTH_CACHE_MS per instance:
// callers in between get the remembered answer, and callers during a probe share it.
import { HealthRequest, type HealthResponse } from "@ideaspark/domain";
import { onCall, type CallableRequest } from "firebase-functions/https";
import { APP_VERSION, REGION } from "../config.js";
import { pingFirestore } from "../data/health.js";
import { parseRequest, toHttpsError } from "../errors.js";
import { requireAppCheck } from "../appCheck.js";
import { callableCors } from "../callableCors.js";

/** How long a reachable Firestore answers for every health call on this instance. */
export const HEALTH_CACHE_MS = 30_000;
/** An unreachable answer is kept for less, so a recovery shows soon. */
export const HEALTH_FAILURE_CACHE_MS = 5_000;

export type Probe = () => Promise<boolean>;

/** Wraps `ping` so it runs at most once per cache period and concurrent callers share a run. */
export function cachedProbe(ping: Probe, now: () => number = Date.now): Probe {
  let cached: { ok: boolean; until: number } | null = null;
  let running: Promise<boolean> | null = null;
  return () => {
    if (cached && now() < cached.until) return Promise.resolve(cached.ok);
    running ??= ping()
      .catch(() => false)
      .then((ok) => {
        cached = { ok, until: now() + (ok ? HEALTH_CACHE_MS : HEALTH_FAILURE_CACHE_MS) };
        return ok;
      })
      .finally(() => {
        running = null;
      });
    return running;
  };
}

const firestoreProbe = cachedProbe(() => pingFirestore());

export async function handleHealth(
  request: Pick<CallableRequest<unknown>, "auth" | "data">,
  probe: Probe = firestoreProbe,
): Promise<HealthResponse> {
  const input = parseRequest(HealthRequest, request.data);
  return {
    status: "ok",
    version: APP_VERSION,
    region: REGION,
    firestore: (await probe()) ? "ok" : "unreachable",
    uid: request.auth?.uid ?? null,
    ...(input.echo === undefined ? {} : { echo: input.echo }),
    time: new Date().toISOString(),
  };
}

export const health = onCall({ cors: callableCors }, async (request) => {
  try {
    requireAppCheck(request);
    return await handleHealth(request);
  } catch (error) {
    throw toHttpsError(error, "health");
  }
});
