// The admin area, loaded on demand (route-level lazy import) so its code and styles never weigh
// on the everyday app; each screen is a chunk of its own (the overview's brings the chart
// library). Only admins get here (app/RequireAdmin.tsx shows others a 403); the data behind
// these pages is refused by rules and functions regardless.
import { Suspense } from "react";
import { Route, Routes } from "react-router";
import { NotFoundScreen } from "../notFound/NotFoundScreen";
import "./admin.css";
import { AlertBanner } from "./alerts/AlertBanner";
import { AdminNav } from "./shell/AdminNav";
import { lazyScreen } from "./shell/lazyScreen";

const OverviewScreen = lazyScreen(() => import("./overview/OverviewScreen"), "OverviewScreen");
const AlertsScreen = lazyScreen(() => import("./alerts/AlertsScreen"), "AlertsScreen");
const ConfigScreen = lazyScreen(() => import("./config/ConfigScreen"), "ConfigScreen");
const UsersScreen = lazyScreen(() => import("./users/UsersScreen"), "UsersScreen");
const UserScreen = lazyScreen(() => import("./users/UserScreen"), "UserScreen");
const CampaignsScreen = lazyScreen(() => import("./campaigns/CampaignsScreen"), "CampaignsScreen");
const FunnelScreen = lazyScreen(() => import("./funnel/FunnelScreen"), "FunnelScreen");
const ExportScreen = lazyScreen(() => import("./export/ExportScreen"), "ExportScreen");

export function AdminArea() {
  return (
    <div className="admin" data-testid="admin-area">
      <AdminNav />
      <AlertBanner />
      <Suspense
        fallback={
          <p className="loading" role="status" data-testid="admin-screen-loading">
            Loading…
          </p>
        }
      >
        <Routes>
          <Route index element={<OverviewScreen />} />
          <Route path="users" element={<UsersScreen />} />
          <Route path="users/:uid" element={<UserScreen />} />
          <Route path="campaigns" element={<CampaignsScreen />} />
          <Route path="funnel" element={<FunnelScreen />} />
          <Route path="export" element={<ExportScreen />} />
          <Route path="alerts" element={<AlertsScreen />} />
          <Route path="ai" element={<ConfigScreen />} />
          <Route path="*" element={<NotFoundScreen />} />
        </Routes>
      </Suspense>
    </div>
  );
}
