// Main navigation. On phones it becomes a horizontally scrollable row under the brand.
import { NavLink } from "react-router";

const LINKS = [
  { to: "/", label: "Home", end: true },
  { to: "/spark", label: "New spark", end: true },
  { to: "/history", label: "History", end: false },
  { to: "/usage", label: "Usage", end: false },
  { to: "/settings", label: "Settings", end: false },
] as const;

export function TopNav() {
  return (
    <nav className="top-nav" aria-label="Main" data-testid="main-nav">
      <ul>
        {LINKS.map((link) => (
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
