// Loaded by the landing page once it has painted and gone idle: stores the visit's first-touch
// campaign attribution (lib/attribution.ts, the same record the app keeps) and records the
// landing_view through the `track` callable (data/track.ts), which credits the campaign.
import "../app/zodWithoutEval";
import { captureAttribution } from "../lib/attribution";
import { trackLanding } from "../data/track";

/** Stores the first touch at once; resolves once the landing_view was delivered or given up. */
export function recordLanding(): Promise<void> {
  const url = { pathname: window.location.pathname, search: window.location.search };
  try {
    captureAttribution(localStorage, url, Date.now());
  } catch {
    // Storage blocked: attribution is best effort; the sign-up links still carry the campaign.
  }
  return trackLanding(url);
}
