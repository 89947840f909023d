// Protected routes: a signed-out visitor is sent (replacing history, so Back does not bounce) to
// sign-in with `next` set to where they were going; while the session is being restored nothing
// but a loading state is shown, so there is no flash of the sign-in page.
import { Navigate, Outlet, useLocation } from "react-router";
import { useAuth } from "../features/auth/authStore";
import { signInPathFor } from "../lib/nextPath";
import { LoadingScreen } from "../ui/LoadingScreen";

export function RequireAuth() {
  const status = useAuth((state) => state.status);
  const exitTo = useAuth((state) => state.exitTo);
  const location = useLocation();
  if (status === "loading")
    return <LoadingScreen label="Checking your sign-in…" testId="auth-loading" />;
  if (status === "signedOut") {
    // After a deliberate sign-out, go where the sign-out said, not "sign in to come back here".
    const deliberate = exitTo && exitTo.from === location.pathname;
    return <Navigate replace to={deliberate ? exitTo.to : signInPathFor(location)} />;
  }
  return <Outlet />;
}
