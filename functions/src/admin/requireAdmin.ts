// The admin gate every admin callable starts with: signed in, with the `admin: true` claim AND
// the server's roles/{uid} document. The claim lives in an ID token for up to an hour; the
// document is deleted the moment someone is demoted, so a demoted admin is refused at once.
import { DomainError } from "@ideaspark/domain";
import { adminRoleExists } from "../data/roles.js";

interface AuthContext {
  uid: string;
  token: Record<string, unknown>;
}

const NOT_ADMIN = "Only administrators can do this.";

/**
 * Returns the admin's uid, or throws unauthenticated / permission-denied. `roleExists` reads
 * roles/{uid} (only for callers whose token claims the role, so others cost no read).
 */
export async function requireAdmin(
  auth: AuthContext | undefined,
  roleExists: (uid: string) => Promise<boolean> = adminRoleExists,
): Promise<string> {
  if (!auth) throw new DomainError("unauthenticated");
  if (auth.token.admin !== true) throw new DomainError("permission-denied", NOT_ADMIN);
  if (!(await roleExists(auth.uid))) {
    throw new DomainError(
      "permission-denied",
      `${NOT_ADMIN} Your admin role has been removed; sign in again.`,
    );
  }
  return auth.uid;
}
