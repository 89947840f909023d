// Who is signed in. Sign-in and sign-up flows arrive with the auth feature; this module is the
// seam they build on (and the only code that touches firebase/auth).
import { onAuthStateChanged, type User } from "firebase/auth";
import { authClient } from "./firebase";

/** The part of a Firebase user the app relies on. */
export interface SessionUser {
  uid: string;
  email: string | null;
  displayName: string | null;
}

function toSessionUser(user: User | null): SessionUser | null {
  return user && { uid: user.uid, email: user.email, displayName: user.displayName };
}

/** Calls `listener` with the current user now and on every change; returns the unsubscribe. */
export function onAuthChanged(listener: (user: SessionUser | null) => void): () => void {
  return onAuthStateChanged(authClient(), (user) => listener(toSessionUser(user)));
}

/** The signed-in user, or null (also null until Auth has restored a persisted session). */
export function currentUser(): SessionUser | null {
  return toSessionUser(authClient().currentUser);
}
