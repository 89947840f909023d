// Follows the signed-in person's users/{uid} document (live, and from the offline cache) through
// the shared live-data hook; a result for another uid (just switched accounts) is never shown.
import type { UserProfile } from "@ideaspark/domain";
import { useMemo } from "react";
import { lazyModule, lazySubscribe, useLive, type Subscribe } from "../../state/useLive";

export type ProfileState =
  | { status: "loading" }
  | { status: "ready"; profile: UserProfile }
  | { status: "missing" }
  | { status: "error"; error: Error };

const loadProfile = lazyModule(() => import("../../data/profile"));

export function useProfile(uid: string | null): ProfileState {
  const subscribe = useMemo(
    () =>
      lazySubscribe(
        loadProfile,
        (profile): Subscribe<UserProfile | null> =>
          (onNext, onError) =>
            profile.watchProfile(
              uid ?? "",
              (data) => onNext({ data, fromCache: false, hasPendingWrites: false }),
              onError,
            ),
      ),
    [uid],
  );
  const live = useLive(uid, subscribe);
  if (live.status !== "ready") return live;
  return live.data ? { status: "ready", profile: live.data } : { status: "missing" };
}
