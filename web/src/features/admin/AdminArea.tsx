// The admin area, loaded on demand (route-level lazy import) so its code never weighs on the
// everyday app. Only admins get here (app/RequireAdmin.tsx shows others a 403); the data behind
// these pages is refused by rules and functions regardless.
import { NavLink, Route, Routes } from "react-router";
import { NotFoundScreen } from "../notFound/NotFoundScreen";
import { AdminSection } from "./AdminSection";
import { ADMIN_SECTIONS } from "./adminSections";

export function AdminArea() {
  return (
    <div className="admin" data-testid="admin-area">
      <nav className="subnav" aria-label="Admin">
        {ADMIN_SECTIONS.map((section) => (
          <NavLink key={section.path} to={`/admin/${section.path}`} end>
            {section.title}
          </NavLink>
        ))}
      </nav>
      <Routes>
        {ADMIN_SECTIONS.map((section) =>
          section.path === "" ? (
            <Route key="index" index element={<AdminSection section={section} />} />
          ) : (
            <Route
              key={section.path}
              path={section.path}
              element={<AdminSection section={section} />}
            />
          ),
        )}
        <Route path="*" element={<NotFoundScreen />} />
      </Routes>
    </div>
  );
}
