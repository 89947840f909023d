// The admin gate every admin callable starts with: signed in, with the `admin: true` claim.
import { DomainError } from "@ideaspark/domain";

interface AuthContext {
  uid: string;
  token: Record<string, unknown>;
}

/** Returns the admin's uid, or throws unauthenticated / permission-denied. */
export function requireAdmin(auth: AuthContext | undefined): string {
  if (!auth) throw new DomainError("unauthenticated");
  if (auth.token.admin !== true) {
    throw new DomainError("permission-denied", "Only administrators can do this.");
  }
  return auth.uid;
}
