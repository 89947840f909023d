// The gates of the self-service account callables: a signed-in caller, and for irreversible
// actions a sign-in recent enough to show the person at the keyboard is the account's owner.
import { DomainError, isRecentSignIn, REAUTH_MESSAGE } from "@ideaspark/domain";
import { HttpsError } from "firebase-functions/https";

export interface AuthContext {
  uid: string;
  token: Record<string, unknown>;
}

/** Returns the caller's auth context, or throws unauthenticated. */
export function requireSignedIn(auth: AuthContext | undefined): AuthContext {
  if (!auth) throw new DomainError("unauthenticated");
  return auth;
}

/**
 * Throws failed-precondition unless the ID token's `auth_time` is recent: a stolen or
 * forgotten session must not be able to delete an account. The web app re-authenticates first.
 */
export function requireRecentSignIn(token: Record<string, unknown>, nowMs: number): void {
  if (!isRecentSignIn(token.auth_time, nowMs)) {
    throw new HttpsError("failed-precondition", REAUTH_MESSAGE);
  }
}
