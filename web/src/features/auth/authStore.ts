// Who is signed in, and whether their ID token says they are an admin. Fed by the data layer's
// session listener (sign-in, sign-out and every token refresh); the token is renewed when the tab
// regains focus, so a role granted meanwhile applies without signing out.
import { createStore, useStore } from "zustand";
import type { Session, SessionUser } from "../../data/auth";

export type AuthStatus = "loading" | "signedOut" | "signedIn";

export interface AuthState {
  status: AuthStatus;
  user: SessionUser | null;
  admin: boolean;
  /**
   * After a deliberate sign-out: where to go (`to`) instead of "sign in to come back here", for
   * the page the sign-out was made on (`from`) only, so Back to another page still offers `next`.
   */
  exitTo: { to: string; from: string } | null;
}

/** The slice of src/data/auth the store needs (a fake in tests). */
export interface AuthBackend {
  onSessionChanged(listener: (session: Session | null) => void): () => void;
  refreshSession(): Promise<void>;
  signOut(): Promise<void>;
}

/** Focus can fire in bursts (alt-tab, devtools); one forced refresh per this interval is plenty. */
export const FOCUS_REFRESH_INTERVAL_MS = 15_000;

export interface AuthStoreOptions {
  /** Where "focus" fires (the window). */
  focusTarget?: EventTarget | null;
  /** Where "visibilitychange" fires (the document). */
  visibilityTarget?: (EventTarget & { visibilityState: DocumentVisibilityState }) | null;
  now?: () => number;
}

export function createAuthStore(
  loadBackend: () => Promise<AuthBackend>,
  {
    focusTarget = typeof window === "undefined" ? null : window,
    visibilityTarget = typeof document === "undefined" ? null : document,
    now = Date.now,
  }: AuthStoreOptions = {},
) {
  const store = createStore<AuthState>(() => ({
    status: "loading",
    user: null,
    admin: false,
    exitTo: null,
  }));
  const backend = loadBackend().then((loaded) => {
    loaded.onSessionChanged((session) => {
      const restored = store.getState().status === "loading";
      store.setState(
        session
          ? { status: "signedIn", user: session.user, admin: session.admin, exitTo: null }
          : { status: "signedOut", user: null, admin: false },
      );
      // A session restored from storage carries the token of the last visit (valid up to an
      // hour): renew it once, so a role granted since then applies on reload.
      if (session && restored) refreshInBackground();
    });
    return loaded;
  });
  backend.catch((error: unknown) => {
    // Without the SDK nobody can be signed in; say so rather than loading forever.
    console.error("IdeaSpark could not start Firebase Auth", error);
    store.setState({ status: "signedOut", user: null, admin: false });
  });

  let lastRefresh = 0;
  /** Renews the ID token now, so changed custom claims (the admin role) take effect. */
  async function refreshClaims(): Promise<void> {
    if (store.getState().status !== "signedIn") return;
    lastRefresh = now();
    await (await backend).refreshSession();
  }

  function refreshInBackground() {
    if (typeof navigator !== "undefined" && !navigator.onLine) return;
    refreshClaims().catch((error: unknown) =>
      console.warn("IdeaSpark could not refresh the session", error),
    );
  }

  function onFocus() {
    if (now() - lastRefresh >= FOCUS_REFRESH_INTERVAL_MS) refreshInBackground();
  }
  focusTarget?.addEventListener("focus", onFocus);
  visibilityTarget?.addEventListener("visibilitychange", () => {
    if (visibilityTarget.visibilityState === "visible") onFocus();
  });

  /** Signs out and sends the person from the current page to `to` (see `exitTo`). */
  async function signOut(
    to = "/welcome",
    from = typeof location === "undefined" ? "" : location.pathname,
  ): Promise<void> {
    store.setState({ exitTo: { to, from } });
    await (await backend).signOut();
  }

  return Object.assign(store, { refreshClaims, signOut });
}

export type AuthStore = ReturnType<typeof createAuthStore>;

/**
 * The app-wide session; the Firebase SDK loads in the background, after the shell paints. Sessions
 * come through data/session, which removes a previous person's data before the next is reported.
 */
export const authStore = createAuthStore(() => import("../../data/session"));

export function useAuth<T>(select: (state: AuthState) => T): T {
  return useStore(authStore, select);
}
