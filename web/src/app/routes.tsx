// Every screen's address (listed in the README, "The app"), grouped by who may see it: guests
// only (signed-in people go home), signed-in people (others go to sign-in and back), admins
// (others get a 403).
// Only the signed-in home (and the not-found page) ships with the shell, so the first paint of the
// app downloads as little as possible; every other screen is its own chunk, fetched on first
// visit. /welcome is the static landing page (welcome.html); inside the app it loads that page.
import type { ComponentType } from "react";
import type { RouteObject } from "react-router";
import { HomeScreen } from "../features/home/HomeScreen";
import { NotFoundScreen } from "../features/notFound/NotFoundScreen";
import { GuestOnly } from "./GuestOnly";
import { LandingPage } from "./LandingPage";
import { Layout } from "./Layout";
import { LoadingScreen } from "../ui/LoadingScreen";
import { RequireAdmin } from "./RequireAdmin";
import { RequireAuth } from "./RequireAuth";
import { RouteError } from "./RouteError";

/** A route whose screen is fetched on first visit (the service worker precaches every chunk). */
function screen<T>(load: () => Promise<T>, pick: (module: T) => ComponentType) {
  return async () => ({ Component: pick(await load()) });
}

export const routes: RouteObject[] = [
  {
    Component: Layout,
    ErrorBoundary: RouteError,
    HydrateFallback: LoadingScreen,
    children: [
      {
        Component: GuestOnly,
        children: [
          { path: "welcome", Component: LandingPage },
          {
            path: "signin",
            lazy: screen(
              () => import("../features/auth/SignInScreen"),
              (m) => m.SignInScreen,
            ),
          },
          {
            path: "signup",
            lazy: screen(
              () => import("../features/auth/SignUpScreen"),
              (m) => m.SignUpScreen,
            ),
          },
          {
            path: "reset-password",
            lazy: screen(
              () => import("../features/auth/ResetPasswordScreen"),
              (m) => m.ResetPasswordScreen,
            ),
          },
        ],
      },
      {
        Component: RequireAuth,
        children: [
          { index: true, Component: HomeScreen },
          {
            path: "spark",
            lazy: screen(
              () => import("../features/spark/NewSparkScreen"),
              (m) => m.NewSparkScreen,
            ),
          },
          {
            path: "spark/:id",
            lazy: screen(
              () => import("../features/spark/SparkScreen"),
              (m) => m.SparkScreen,
            ),
          },
          {
            path: "history",
            lazy: screen(
              () => import("../features/history/HistoryScreen"),
              (m) => m.HistoryScreen,
            ),
          },
          {
            path: "usage",
            lazy: screen(
              () => import("../features/usage/UsageScreen"),
              (m) => m.UsageScreen,
            ),
          },
          {
            path: "settings",
            lazy: screen(
              () => import("../features/settings/SettingsScreen"),
              (m) => m.SettingsScreen,
            ),
          },
          {
            Component: RequireAdmin,
            children: [
              {
                path: "admin/*",
                lazy: screen(
                  () => import("../features/admin/AdminArea"),
                  (m) => m.AdminArea,
                ),
              },
            ],
          },
        ],
      },
      { path: "*", Component: NotFoundScreen },
    ],
  },
];
