// Side effects of being on the site, run once by the shell: first-touch campaign attribution from
// any landing URL, and the users/{uid} profile for whoever signs in.
import { useEffect } from "react";
import { useLocation } from "react-router";
import { authStore, useAuth } from "../features/auth/authStore";
import { profileSetupStore } from "../features/auth/profileSetupStore";
import { ATTRIBUTION_KEYS } from "@ideaspark/domain/attributionKeys";

function namesCampaign(search: string): boolean {
  const params = new URLSearchParams(search);
  return ATTRIBUTION_KEYS.some((key) => params.has(key));
}

export function useSessionEffects(): void {
  const { pathname, search } = useLocation();
  useEffect(() => {
    if (typeof localStorage === "undefined" || !namesCampaign(search)) return;
    // The attribution code (and its zod schema) loads only for a URL that carries a campaign.
    void import("../lib/attribution").then(({ captureAttribution }) =>
      captureAttribution(localStorage, { pathname, search }, Date.now()),
    );
  }, [pathname, search]);

  const uid = useAuth((state) => state.user?.uid ?? null);
  useEffect(() => {
    const user = authStore.getState().user;
    if (user) void profileSetupStore.ensure(user);
    else profileSetupStore.reset();
  }, [uid]);
}
