// Whose data this browser holds, and handing the browser over to the next person. Every session
// change passes through one queue: when the person changes (a sign-out here or in another tab, a
// session the server ended, another account signing in), what the previous person left is removed
// before the next one is told they are signed in.

/** localStorage key holding the uid whose data this browser keeps (removed at sign-out). */
export const DEVICE_OWNER_KEY = "ideaspark.deviceOwner";

export type OwnerStorage = Pick<Storage, "getItem" | "setItem" | "removeItem">;

export interface HandoverDeps {
  storage: OwnerStorage | null;
  /**
   * Removes what `uid` left in this browser: in-memory state, their local drafts and marks, and
   * (with `clearCache`) the Firestore persistent cache. Without `clearCache` only this tab's
   * Firestore instance is ended: another tab has already cleared the shared cache.
   */
  forget(uid: string, options: { clearCache: boolean }): Promise<void>;
  /** Called once, with the session the page opened with, before anything is delivered. */
  opened?(uid: string | null): void;
}

export function createHandover({ storage, forget, opened }: HandoverDeps) {
  let queue: Promise<unknown> = Promise.resolve();
  /** The uid this tab last delivered (null: nobody, or nothing delivered yet). */
  let shown: string | null = null;
  let first = true;

  function enqueue<T>(step: () => Promise<T>): Promise<T> {
    const run = queue.then(step);
    queue = run.catch(() => undefined);
    return run;
  }

  const owner = (): string | null => {
    try {
      return storage?.getItem(DEVICE_OWNER_KEY) || null;
    } catch {
      return null;
    }
  };
  const setOwner = (uid: string | null) => {
    try {
      if (uid) storage?.setItem(DEVICE_OWNER_KEY, uid);
      else storage?.removeItem(DEVICE_OWNER_KEY);
    } catch (error) {
      console.warn("IdeaSpark could not record whose data this browser holds", error);
    }
  };

  async function forgetSafely(uid: string, clearCache: boolean): Promise<void> {
    try {
      await forget(uid, { clearCache });
    } catch (error) {
      // The next person still gets in; what could not be removed is logged, not hidden.
      console.error("IdeaSpark could not remove everything of the previous person", error);
    }
  }

  /** Removes whatever belongs to someone other than `next`. */
  async function handOver(next: string | null): Promise<void> {
    const holder = owner();
    if (holder !== null && holder !== next) {
      setOwner(null);
      await forgetSafely(holder, true);
    } else if (shown !== null && shown !== next) {
      await forgetSafely(shown, false);
    }
    shown = next;
    if (next !== null && holder !== next) setOwner(next);
  }

  return {
    /**
     * Reports a session change (`uid` null: signed out): `deliver` runs once everything of
     * anyone else is gone, and after every earlier report has been delivered.
     */
    changed(uid: string | null, deliver: () => void): Promise<void> {
      return enqueue(async () => {
        if (first) {
          first = false;
          opened?.(uid);
        }
        await handOver(uid);
        deliver();
      });
    },

    /**
     * A deliberate sign-out: `endSession` signs out of Auth (if it throws, nothing is removed and
     * the person stays signed in), then everything of the person is removed from this browser.
     * The session report Auth sends meanwhile is delivered after that.
     */
    signOut(endSession: () => Promise<void>): Promise<void> {
      return enqueue(async () => {
        const uid = shown ?? owner();
        await endSession();
        setOwner(null);
        shown = null;
        if (uid !== null) await forgetSafely(uid, true);
      });
    },
  };
}

export type Handover = ReturnType<typeof createHandover>;
