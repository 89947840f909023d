// Follows the signed-in person's users/{uid} document (live, and from the offline cache).
import type { UserProfile } from "@ideaspark/domain";
import { useEffect, useState } from "react";

export type ProfileState =
  | { status: "loading" }
  | { status: "ready"; profile: UserProfile }
  | { status: "missing" }
  | { status: "error"; error: Error };

export function useProfile(uid: string | null): ProfileState {
  const [state, setState] = useState<{ uid: string | null; value: ProfileState }>({
    uid,
    value: { status: "loading" },
  });
  useEffect(() => {
    if (!uid) return;
    let unsubscribe: (() => void) | undefined;
    let active = true;
    const set = (value: ProfileState) => active && setState({ uid, value });
    import("../../data/profile").then(
      ({ watchProfile }) => {
        if (!active) return;
        unsubscribe = watchProfile(
          uid,
          (profile) => set(profile ? { status: "ready", profile } : { status: "missing" }),
          (error) => set({ status: "error", error }),
        );
      },
      (error: Error) => set({ status: "error", error }),
    );
    return () => {
      active = false;
      unsubscribe?.();
    };
  }, [uid]);
  // A result for another uid (just switched accounts) is not this person's profile.
  return state.uid === uid ? state.value : { status: "loading" };
}
