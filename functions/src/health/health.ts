// `health` callable: proves auth context, Firestore and the function runtime are all wired.
import { HealthRequest, type HealthResponse } from "@ideaspark/domain";
import { onCall, type CallableRequest } from "firebase-functions/https";
import { APP_VERSION, REGION } from "../config.js";
import { pingFirestore } from "../data/health.js";
import { parseRequest } from "../errors.js";

export async function handleHealth(
  request: Pick<CallableRequest<unknown>, "auth" | "data">,
  ping: () => Promise<boolean> = pingFirestore,
): Promise<HealthResponse> {
  const input = parseRequest(HealthRequest, request.data);
  return {
    status: "ok",
    version: APP_VERSION,
    region: REGION,
    firestore: (await ping()) ? "ok" : "unreachable",
    uid: request.auth?.uid ?? null,
    ...(input.echo === undefined ? {} : { echo: input.echo }),
    time: new Date().toISOString(),
  };
}

export const health = onCall({ cors: true, enforceAppCheck: false }, (request) =>
  handleHealth(request),
);
