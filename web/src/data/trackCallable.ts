// The `track` callable on its own (used through data/track.ts): the landing page sends its
// landing_view through it without downloading the other callables' schemas.
import { TrackRequest, TrackResult } from "@ideaspark/domain";
import { httpsCallable } from "firebase/functions";
import { functionsClient } from "./firebase";

const TRACK_TIMEOUT_MS = 10_000;

/** Records one analytics event, signed in or not; `recorded` is false for an id already sent. */
export async function callTrack(request: TrackRequest): Promise<TrackResult> {
  const call = httpsCallable<TrackRequest, unknown>(functionsClient(), "track", {
    timeout: TRACK_TIMEOUT_MS,
  });
  return TrackResult.parse((await call(TrackRequest.parse(request))).data);
}
