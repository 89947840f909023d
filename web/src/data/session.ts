// The session as the app sees it, and what ending it means on a shared device: signing out
// removes everything of the person from this browser (listeners, in-memory stores, their drafts
// and queued briefs, the Firestore persistent cache), and another account signing in first has
// the previous person's leftovers removed. The order and the rules live in lib/handover.ts.
import { forgetDrafts, settleLegacyDrafts } from "../lib/drafts";
import { createHandover } from "../lib/handover";
import { forgetPersonalState } from "../lib/personalState";
import * as auth from "./auth";

export type { Session, SessionUser } from "./auth";

function browserStorage(): Storage | null {
  try {
    return typeof localStorage === "undefined" ? null : localStorage;
  } catch {
    return null; // access itself can throw when storage is blocked
  }
}

// Imported on use: in the app data/auth has loaded it already, and component tests that fake
// data/auth never load the SDK through here.
const firestoreSession = () => import("./firestore");

/** Removes what `uid` left in this browser (see HandoverDeps.forget). */
export async function forgetPerson(uid: string, options: { clearCache: boolean }): Promise<void> {
  const firebase = await firestoreSession();
  firebase.stopListeners();
  forgetPersonalState(uid);
  const storage = browserStorage();
  if (storage) forgetDrafts(uid, storage);
  await firebase.resetFirestore(options);
  if (storage) firebase.removeWriteNotes(uid, storage);
}

const handover = createHandover({
  storage: browserStorage(),
  forget: forgetPerson,
  opened: (uid) => {
    const storage = browserStorage();
    if (storage) settleLegacyDrafts(storage, uid);
  },
});

/** Like `auth.onSessionChanged`, each report delivered once anyone else's data is gone. */
export function onSessionChanged(listener: (session: auth.Session | null) => void): () => void {
  return auth.onSessionChanged((session) => {
    void handover.changed(session?.user.uid ?? null, () => listener(session));
  });
}

export const refreshSession = auth.refreshSession;

/**
 * Signs out on this device, leaving nothing of the person behind: stops the live listeners, lets
 * unsent writes reach the server (briefly), signs out of Auth, then resets the in-memory stores,
 * removes their drafts and queued briefs, and ends Firestore and deletes its persistent cache
 * (the next sign-in gets a fresh instance).
 */
export async function signOutEverywhere(): Promise<void> {
  await handover.signOut(async () => {
    try {
      const firebase = await firestoreSession();
      firebase.stopListeners();
      await firebase.settleWrites();
    } catch (error) {
      // Signing out matters more than a quiet hand-over: go on without it.
      console.warn("IdeaSpark could not pause Firestore before signing out", error);
    }
    await auth.signOut();
  });
}

export { signOutEverywhere as signOut };
