// Main navigation for signed-in people (plus "Admin" for admins). On phones it becomes a
// horizontally scrollable row under the brand. Signed-out visitors get sign-in links instead.
import { Link, NavLink } from "react-router";
import { useAuth } from "../features/auth/authStore";

const LINKS = [
  { to: "/", label: "Home", end: true },
  { to: "/spark", label: "New spark", end: true },
  { to: "/history", label: "History", end: false },
  { to: "/usage", label: "Usage", end: false },
  { to: "/settings", label: "Settings", end: false },
] as const;

const ADMIN_LINK = { to: "/admin", label: "Admin", end: false } as const;

export function TopNav() {
  const status = useAuth((state) => state.status);
  const admin = useAuth((state) => state.admin);
  if (status === "loading") return <div className="top-nav" />;
  if (status === "signedOut") {
    return (
      <nav className="top-nav guest-nav" aria-label="Account" data-testid="guest-nav">
        <ul>
          <li>
            <Link to="/signin">Sign in</Link>
          </li>
          <li>
            <Link to="/signup">Create account</Link>
          </li>
        </ul>
      </nav>
    );
  }
  const links = admin ? [...LINKS, ADMIN_LINK] : LINKS;
  return (
    <nav className="top-nav" aria-label="Main" data-testid="main-nav">
      <ul>
        {links.map((link) => (
          <li key={link.to}>
            <NavLink to={link.to} end={link.end}>
              {link.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
