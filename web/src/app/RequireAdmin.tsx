// The admin area: only for users whose ID token carries `admin: true`; everyone else gets a 403
// page. (Hiding is not protection: rules and functions refuse the data behind it as well, and
// they also need the server's roles/{uid}, so a demoted admin whose token still carries the
// claim sees the area's screens report "insufficient permissions" until the app's next token
// refresh, which the demotion revoked, signs them out.)
import { Outlet } from "react-router";
import { useAuth } from "../features/auth/authStore";
import { ForbiddenScreen } from "../features/forbidden/ForbiddenScreen";

export function RequireAdmin() {
  const admin = useAuth((state) => state.admin);
  return admin ? <Outlet /> : <ForbiddenScreen />;
}
