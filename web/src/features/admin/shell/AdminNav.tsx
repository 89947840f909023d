// The admin area's section links; the current section is marked for assistive technology.
import { NavLink } from "react-router";
import { ADMIN_SECTIONS } from "../adminSections";

export function AdminNav() {
  return (
    <nav className="subnav" aria-label="Admin">
      {ADMIN_SECTIONS.map((section) => (
        <NavLink
          key={section.path}
          to={section.path === "" ? "/admin" : `/admin/${section.path}`}
          end={section.path === ""}
          data-testid={`admin-nav-${section.path || "overview"}`}
        >
          {section.title}
        </NavLink>
      ))}
    </nav>
  );
}
