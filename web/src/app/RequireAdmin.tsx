// The admin area: only for users whose ID token carries `admin: true`; everyone else gets a 403
// page. (Hiding is not protection: rules and functions refuse the data behind it as well.)
import { Outlet } from "react-router";
import { useAuth } from "../features/auth/authStore";
import { ForbiddenScreen } from "../features/forbidden/ForbiddenScreen";

export function RequireAdmin() {
  const admin = useAuth((state) => state.admin);
  return admin ? <Outlet /> : <ForbiddenScreen />;
}
