// Typed wrappers over the callable Cloud Functions: each sends a domain request and parses the
// answer with the domain schema, so a contract drift fails here, loudly, not deep in the UI.
import { HealthRequest, HealthResponse } from "@ideaspark/domain";
import { httpsCallable } from "firebase/functions";
import { functionsClient } from "./firebase";

const HEALTH_TIMEOUT_MS = 8_000;

/** Probes the backend end to end (functions + Firestore). Rejects when it cannot be reached. */
export async function callHealth(request: HealthRequest = {}): Promise<HealthResponse> {
  const health = httpsCallable<HealthRequest, unknown>(functionsClient(), "health", {
    timeout: HEALTH_TIMEOUT_MS,
  });
  const result = await health(HealthRequest.parse(request));
  return HealthResponse.parse(result.data);
}
