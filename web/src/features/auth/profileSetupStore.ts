// Makes sure every signed-in person has their users/{uid} profile, created once with the stored
// first-touch attribution. Sign-up creates it with the name typed in the form; any later sign-in
// (Google's first one, or after a failed write) creates it if it is still missing. A failed
// write never blocks the app: the status says "failed" and the shell offers a retry.
import type { UserProfileCreate } from "@ideaspark/domain";
import { createStore, useStore } from "zustand";
import { holdsPersonalState } from "../../lib/personalState";

export type ProfileSetupStatus = "idle" | "working" | "ready" | "failed";

export interface ProfileSetupState {
  status: ProfileSetupStatus;
  /** True between "create the account" and "profile written" during a sign-up. */
  signingUp: boolean;
}

export interface ProfileUser {
  uid: string;
  email: string | null;
  displayName: string | null;
}

export interface ProfileDraft {
  displayName: string;
  aiDataUseConsent: boolean;
}

export interface ProfileBackend {
  profileExists(uid: string): Promise<boolean | null>;
  createProfile(uid: string, profile: UserProfileCreate): Promise<void>;
}

export interface ProfileSetupDeps {
  loadBackend: () => Promise<ProfileBackend>;
  storage: Pick<Storage, "getItem" | "setItem" | "removeItem"> | null;
  now: () => number;
}

const READY_KEY = (uid: string) => `ideaspark.profileReady.${uid}`;

/** A name for accounts that arrive without one (Google may omit it): the email's local part. */
export function fallbackDisplayName(user: ProfileUser): string {
  const candidate = (user.displayName ?? "").trim() || (user.email ?? "").split("@")[0] || "";
  const cleaned = Array.from(candidate.replace(/\p{Cc}/gu, ""))
    .slice(0, 80)
    .join("")
    .trim();
  return cleaned || "IdeaSpark user";
}

export function createProfileSetupStore({ loadBackend, storage, now }: ProfileSetupDeps) {
  const store = createStore<ProfileSetupState>(() => ({ status: "idle", signingUp: false }));
  let inFlight: { uid: string; promise: Promise<void> } | null = null;
  let last: { user: ProfileUser; draft: ProfileDraft | undefined } | null = null;

  const isMarkedReady = (uid: string) => {
    try {
      return storage?.getItem(READY_KEY(uid)) === "1";
    } catch {
      return false;
    }
  };
  const markReady = (uid: string) => {
    try {
      storage?.setItem(READY_KEY(uid), "1");
    } catch {
      // Only saves a read next time.
    }
  };

  async function run(user: ProfileUser, draft: ProfileDraft | undefined): Promise<void> {
    const backend = await loadBackend();
    const exists = await backend.profileExists(user.uid);
    if (exists === null) return; // offline and not cached: decide when the server can answer
    if (!exists) {
      if (!user.email) throw new Error("The account has no email address");
      // Loaded on use: the attribution schema (zod) is not needed for the app's first paint.
      const { readAttribution } = await import("../../lib/attribution");
      const attribution = storage ? readAttribution(storage, now()) : null;
      await backend.createProfile(user.uid, {
        email: user.email,
        displayName: draft?.displayName ?? fallbackDisplayName(user),
        createdAt: now(),
        attribution,
        aiDataUseConsent: draft?.aiDataUseConsent ?? false,
      });
    }
    markReady(user.uid);
  }

  /**
   * Creates users/{uid} if it is missing. Calls without a draft wait while a sign-up is under
   * way (the sign-up brings the name the person typed).
   */
  function ensure(user: ProfileUser, draft?: ProfileDraft): Promise<void> {
    if (!draft && store.getState().signingUp) return Promise.resolve();
    if (inFlight?.uid === user.uid) return inFlight.promise;
    if (!draft && isMarkedReady(user.uid)) {
      store.setState({ status: "ready" });
      return Promise.resolve();
    }
    last = { user, draft };
    store.setState({ status: "working" });
    // After a reset (sign-out) meanwhile, the outcome belongs to nobody on screen any more.
    const current = () => inFlight?.promise === promise;
    const promise: Promise<void> = run(user, draft).then(
      () => {
        if (current()) store.setState({ status: "ready", signingUp: false });
      },
      (error: unknown) => {
        console.error("IdeaSpark could not create the profile", error);
        if (current()) store.setState({ status: "failed", signingUp: false });
      },
    );
    inFlight = { uid: user.uid, promise };
    void promise.finally(() => {
      if (inFlight?.promise === promise) inFlight = null;
    });
    return promise;
  }

  /** Tries the last setup again (or a first one for `user`), checking the server afresh. */
  function retry(user?: ProfileUser): Promise<void> {
    const target = last ?? (user ? { user, draft: undefined } : null);
    if (!target) return Promise.resolve();
    try {
      storage?.removeItem(READY_KEY(target.user.uid));
    } catch {
      // ignore
    }
    return ensure(target.user, target.draft);
  }

  function beginSignUp() {
    store.setState({ signingUp: true });
  }

  function abandonSignUp() {
    store.setState({ signingUp: false });
  }

  /** Forgets the signed-out person's state (not their "ready" mark). */
  function reset() {
    last = null;
    inFlight = null;
    store.setState({ status: "idle", signingUp: false });
  }

  /** Forgets `uid` on this device: their state and their "ready" mark (at sign-out). */
  function forget(uid: string) {
    reset();
    try {
      storage?.removeItem(READY_KEY(uid));
    } catch {
      // Nothing stored, nothing to remove.
    }
  }

  return Object.assign(store, { ensure, retry, beginSignUp, abandonSignUp, reset, forget });
}

export type ProfileSetupStore = ReturnType<typeof createProfileSetupStore>;

export const profileSetupStore = createProfileSetupStore({
  loadBackend: () => import("../../data/profile"),
  storage: typeof localStorage === "undefined" ? null : localStorage,
  now: Date.now,
});
holdsPersonalState("profileSetup", (uid) => profileSetupStore.forget(uid));

export function useProfileSetup<T>(select: (state: ProfileSetupState) => T): T {
  return useStore(profileSetupStore, select);
}
