// The App Check gate every callable starts with. With ENFORCE_APP_CHECK on, a call must carry an
// App Check token the platform verified (`request.app`), and a token already spent on a callable
// that consumes tokens (`spark`, replay protection) is refused. Off, every call passes.
import { DomainError } from "@ideaspark/domain";
import type { CallableRequest } from "firebase-functions/https";
import { ENFORCE_APP_CHECK } from "./config.js";

const UNVERIFIED = "This app could not be verified (App Check). Update or reload the app.";
const REPLAYED =
  "This request reused an App Check token that was already spent. Reload the app and try again.";

/**
 * Throws `unauthenticated` when enforcement is on and the call has no verified App Check token,
 * or one already consumed. `enforce` defaults to the ENFORCE_APP_CHECK param, read per call (a
 * param given to onCall's options would be resolved once, when the instance starts).
 */
export function requireAppCheck(
  request: Pick<CallableRequest<unknown>, "app">,
  enforce: boolean = ENFORCE_APP_CHECK.value(),
): void {
  if (!enforce) return;
  if (!request.app) throw new DomainError("unauthenticated", UNVERIFIED);
  // Set only by a callable with `consumeAppCheckToken`: the token was spent on an earlier call.
  if (request.app.alreadyConsumed === true) throw new DomainError("unauthenticated", REPLAYED);
}
