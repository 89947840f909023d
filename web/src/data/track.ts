// The app's analytics events, sent through the `track` callable in the background (see
// lib/tracker.ts): features call `trackEvent`, the welcome page `trackLanding`.
import { createTracker } from "../lib/tracker";
import { callTrack } from "./trackCallable";

function browserStorage(): Storage | null {
  try {
    return typeof localStorage === "undefined" ? null : localStorage;
  } catch {
    return null; // access itself can throw when storage is blocked
  }
}

const tracker = createTracker({
  // Looked up at send time, not import time (tests replace the callable's module).
  send: (request) => callTrack(request),
  storage: browserStorage,
  now: Date.now,
});

export const trackEvent = tracker.track;
export const trackLanding = tracker.trackLanding;
