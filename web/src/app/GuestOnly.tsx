// Screens for signed-out visitors (welcome, sign-in, sign-up, password reset): a signed-in person
// goes on to `next` (after signing in here) or home, replacing the history entry.
import { Navigate, Outlet, useSearchParams } from "react-router";
import { useAuth } from "../features/auth/authStore";
import { safeNextPath } from "../lib/nextPath";
import { LoadingScreen } from "../ui/LoadingScreen";

export function GuestOnly() {
  const status = useAuth((state) => state.status);
  const [params] = useSearchParams();
  if (status === "loading")
    return <LoadingScreen label="Checking your sign-in…" testId="auth-loading" />;
  if (status === "signedIn") return <Navigate replace to={safeNextPath(params.get("next"))} />;
  return <Outlet />;
}
