// Firebase Auth for the app (the only code that touches firebase/auth): the session with its
// custom claims, email/password and Google sign-in, password reset, re-authentication, sign-out.
// Screens and stores see plain `SessionUser` objects and error codes, never SDK types.
import {
  EmailAuthProvider,
  browserPopupRedirectResolver,
  GoogleAuthProvider,
  createUserWithEmailAndPassword,
  onIdTokenChanged,
  reauthenticateWithCredential,
  reauthenticateWithPopup,
  sendEmailVerification,
  sendPasswordResetEmail,
  signInWithEmailAndPassword,
  signInWithPopup,
  signOut as firebaseSignOut,
  updateProfile,
  type User,
} from "firebase/auth";
import { authClient } from "./firebase";

/** The part of a Firebase user the app relies on. */
export interface SessionUser {
  uid: string;
  email: string | null;
  displayName: string | null;
  /** Sign-in providers linked to the account, e.g. "password", "google.com". */
  providers: string[];
  /** The address is verified (Google sign-in counts): only then may the person spark. */
  emailVerified: boolean;
}

/** A signed-in user and what their ID token says about their role. */
export interface Session {
  user: SessionUser;
  admin: boolean;
}

function toSessionUser(user: User): SessionUser {
  return {
    uid: user.uid,
    email: user.email,
    displayName: user.displayName,
    providers: user.providerData.map((info) => info.providerId),
    emailVerified: user.emailVerified,
  };
}

function signedInUser(): User {
  const user = authClient().currentUser;
  if (!user) throw Object.assign(new Error("Not signed in"), { code: "auth/no-current-user" });
  return user;
}

/**
 * Calls `listener` with the session now and whenever it changes: sign-in, sign-out, and every
 * ID token refresh (so a role granted since the last token shows up once the token is renewed).
 */
export function onSessionChanged(listener: (session: Session | null) => void): () => void {
  return onIdTokenChanged(authClient(), async (user) => {
    if (!user) return listener(null);
    let admin = false;
    try {
      admin = (await user.getIdTokenResult()).claims.admin === true;
    } catch (error) {
      // Offline with an expired token: signed in, role unknown until the token can be renewed.
      console.warn("IdeaSpark could not read the ID token claims", error);
    }
    listener({ user: toSessionUser(user), admin });
  });
}

/** Fetches a fresh ID token (new custom claims); `onSessionChanged` then reports them. */
export async function refreshSession(): Promise<void> {
  const user = authClient().currentUser;
  if (user) await user.getIdToken(true);
}

export async function signInWithEmail(email: string, password: string): Promise<SessionUser> {
  return toSessionUser((await signInWithEmailAndPassword(authClient(), email, password)).user);
}

/** Creates the account and sends the verification link (sparks need a verified address). */
export async function signUpWithEmail(email: string, password: string): Promise<SessionUser> {
  const { user } = await createUserWithEmailAndPassword(authClient(), email, password);
  // The account exists either way; a link that failed to send can be resent from the app.
  await sendEmailVerification(user).catch((error: unknown) =>
    console.warn("IdeaSpark could not send the verification email", error),
  );
  return toSessionUser(user);
}

/** Sends the verification link again. */
export async function resendVerificationEmail(): Promise<void> {
  await sendEmailVerification(signedInUser());
}

/**
 * Asks Auth whether the address has been verified since (after the person opened the link) and,
 * if so, renews the ID token so callables see `email_verified`. True when verified.
 */
export async function confirmEmailVerified(): Promise<boolean> {
  const user = signedInUser();
  await user.reload();
  if (!user.emailVerified) return false;
  await user.getIdToken(true);
  return true;
}

export async function signInWithGoogle(): Promise<SessionUser> {
  const provider = new GoogleAuthProvider();
  provider.setCustomParameters({ prompt: "select_account" });
  return toSessionUser(
    (await signInWithPopup(authClient(), provider, browserPopupRedirectResolver)).user,
  );
}

export async function sendPasswordReset(email: string): Promise<void> {
  await sendPasswordResetEmail(authClient(), email);
}

/** Sets the name on the Auth profile (shown by Firebase emails and in ID tokens). */
export async function setAuthDisplayName(displayName: string): Promise<void> {
  await updateProfile(signedInUser(), { displayName });
}

/**
 * Proves a recent sign-in before a sensitive operation: with the password when the account has
 * one, otherwise with the Google popup.
 */
export async function reauthenticate(password?: string): Promise<void> {
  const user = signedInUser();
  if (password !== undefined) {
    if (!user.email) throw Object.assign(new Error("No email"), { code: "auth/invalid-email" });
    await reauthenticateWithCredential(user, EmailAuthProvider.credential(user.email, password));
  } else {
    await reauthenticateWithPopup(user, new GoogleAuthProvider(), browserPopupRedirectResolver);
  }
}

export async function signOut(): Promise<void> {
  await firebaseSignOut(authClient());
}
