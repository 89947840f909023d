// What the auth screens do, apart from their forms: sign in, sign up (account, Auth display name,
// then the users/{uid} profile with the stored attribution), Google, password reset.
import type { SessionUser } from "../../data/auth";
import type { SignUpForm } from "./authSchemas";
import { profileSetupStore } from "./profileSetupStore";

const auth = () => import("../../data/auth");

export async function signInWithPassword(email: string, password: string): Promise<void> {
  await (await auth()).signInWithEmail(email, password);
}

export async function signInWithGoogle(): Promise<void> {
  await (await auth()).signInWithGoogle();
}

export async function sendPasswordReset(email: string): Promise<void> {
  await (await auth()).sendPasswordReset(email);
}

/**
 * Creates the account, names it, and writes users/{uid}. Rejects only when the account could not
 * be created; a failed profile write is left to the profile-setup store (which offers a retry).
 */
export async function signUp(form: SignUpForm): Promise<void> {
  const api = await auth();
  profileSetupStore.beginSignUp();
  let user: SessionUser;
  try {
    user = await api.signUpWithEmail(form.email, form.password);
  } catch (error) {
    profileSetupStore.abandonSignUp();
    throw error;
  }
  await api.setAuthDisplayName(form.displayName).catch((error: unknown) => {
    console.warn("IdeaSpark could not set the Auth display name", error);
  });
  await profileSetupStore.ensure(
    { ...user, displayName: form.displayName },
    { displayName: form.displayName, aiDataUseConsent: form.aiDataUseConsent },
  );
}
