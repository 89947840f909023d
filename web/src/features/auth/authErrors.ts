// Firebase Auth error codes turned into messages a person can act on, and the form field each
// belongs next to. Unknown codes get a calm generic message (the detail goes to the console).

export interface AuthErrorMessage {
  message: string;
  /** The form field the message belongs to; undefined for a message about the whole form. */
  field?: "email" | "password";
}

export const OFFLINE_MESSAGE = "You are offline. Check your connection and try again.";
export const NETWORK_MESSAGE =
  "Could not reach the sign-in service. Check your connection and try again.";

const MESSAGES: Record<string, AuthErrorMessage> = {
  "auth/email-already-in-use": {
    message: "An account with this email already exists",
    field: "email",
  },
  "auth/invalid-credential": { message: "Wrong email or password" },
  "auth/invalid-login-credentials": { message: "Wrong email or password" },
  "auth/wrong-password": { message: "Wrong email or password" },
  "auth/user-not-found": { message: "Wrong email or password" },
  "auth/too-many-requests": { message: "Too many attempts, try again later" },
  "auth/network-request-failed": { message: NETWORK_MESSAGE },
  // Also what the SDK says when a helper script (Google's popup iframe) cannot be loaded.
  "auth/internal-error": {
    message: "Sign-in could not be completed. Check your connection and try again.",
  },
  "auth/invalid-email": { message: "Enter a valid email address", field: "email" },
  "auth/missing-email": { message: "Enter your email address", field: "email" },
  "auth/weak-password": { message: "Choose a stronger password", field: "password" },
  "auth/missing-password": { message: "Enter your password", field: "password" },
  "auth/user-disabled": { message: "This account has been disabled. Contact support." },
  "auth/user-mismatch": {
    message: "That is a different account. Use the one you are signed in with.",
  },
  "auth/requires-recent-login": { message: "For your security, sign in again and retry." },
  "auth/popup-blocked": {
    message: "Your browser blocked the sign-in window. Allow pop-ups for this site and try again.",
  },
  "auth/popup-closed-by-user": { message: "The sign-in window was closed before finishing." },
  "auth/operation-not-allowed": { message: "This way of signing in is not enabled." },
  "auth/account-exists-with-different-credential": {
    message: "An account with this email already exists. Sign in with your password.",
  },
};

/** Codes that mean "the person changed their mind"; nothing needs to be shown. */
const SILENT = new Set(["auth/cancelled-popup-request", "auth/user-cancelled"]);

export function authErrorCode(error: unknown): string | null {
  if (typeof error === "object" && error !== null && "code" in error) {
    const code = (error as { code: unknown }).code;
    if (typeof code === "string") return code;
  }
  return null;
}

/** The message to show for a failed auth call, or null when nothing should be shown. */
export function describeAuthError(
  error: unknown,
  online: boolean = typeof navigator === "undefined" || navigator.onLine,
): AuthErrorMessage | null {
  const code = authErrorCode(error);
  if (code && SILENT.has(code)) return null;
  if (!online) return { message: OFFLINE_MESSAGE };
  if (code && MESSAGES[code]) return MESSAGES[code];
  console.error("IdeaSpark auth error", error);
  return { message: "Something went wrong. Please try again." };
}

/** Shows a failed auth call on a form: next to its field when it has one, else above the form. */
export function showAuthError(
  form: {
    setErrors: (errors: Partial<Record<"email" | "password", string>>) => void;
    setFormError: (message: string | null) => void;
  },
  error: unknown,
): void {
  const problem = describeAuthError(error);
  if (problem?.field) form.setErrors({ [problem.field]: problem.message });
  else form.setFormError(problem?.message ?? null);
}
