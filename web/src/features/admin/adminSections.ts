// The admin area's sections as the navigation lists them: path under /admin and name.
export interface AdminSectionInfo {
  /** Path under /admin; "" is the overview. */
  path: string;
  title: string;
}

export const ADMIN_SECTIONS: readonly AdminSectionInfo[] = [
  { path: "", title: "Overview" },
  { path: "users", title: "Users" },
  { path: "campaigns", title: "Campaigns" },
  { path: "funnel", title: "Funnel" },
  { path: "alerts", title: "Alerts" },
  { path: "ai", title: "AI config" },
  { path: "export", title: "Export" },
];
