// Every screen's address (see PRODUCT.md), grouped by who may see it: guests only (signed-in
// people go home), signed-in people (others go to sign-in and back), admins (others get a 403).
// Screens are small and bundled with the shell; the admin area is lazy-loaded.
import type { RouteObject } from "react-router";
import { ResetPasswordScreen } from "../features/auth/ResetPasswordScreen";
import { SignInScreen } from "../features/auth/SignInScreen";
import { SignUpScreen } from "../features/auth/SignUpScreen";
import { HistoryScreen } from "../features/history/HistoryScreen";
import { HomeScreen } from "../features/home/HomeScreen";
import { NotFoundScreen } from "../features/notFound/NotFoundScreen";
import { SettingsScreen } from "../features/settings/SettingsScreen";
import { NewSparkScreen } from "../features/spark/NewSparkScreen";
import { SparkScreen } from "../features/spark/SparkScreen";
import { UsageScreen } from "../features/usage/UsageScreen";
import { WelcomeScreen } from "../features/welcome/WelcomeScreen";
import { GuestOnly } from "./GuestOnly";
import { Layout } from "./Layout";
import { LoadingScreen } from "./LoadingScreen";
import { RequireAdmin } from "./RequireAdmin";
import { RequireAuth } from "./RequireAuth";
import { RouteError } from "./RouteError";

export const routes: RouteObject[] = [
  {
    Component: Layout,
    ErrorBoundary: RouteError,
    HydrateFallback: LoadingScreen,
    children: [
      {
        Component: GuestOnly,
        children: [
          { path: "welcome", Component: WelcomeScreen },
          { path: "signin", Component: SignInScreen },
          { path: "signup", Component: SignUpScreen },
          { path: "reset-password", Component: ResetPasswordScreen },
        ],
      },
      {
        Component: RequireAuth,
        children: [
          { index: true, Component: HomeScreen },
          { path: "spark", Component: NewSparkScreen },
          { path: "spark/:id", Component: SparkScreen },
          { path: "history", Component: HistoryScreen },
          { path: "usage", Component: UsageScreen },
          { path: "settings", Component: SettingsScreen },
          {
            Component: RequireAdmin,
            children: [
              {
                path: "admin/*",
                lazy: async () => ({
                  Component: (await import("../features/admin/AdminArea")).AdminArea,
                }),
              },
            ],
          },
        ],
      },
      { path: "*", Component: NotFoundScreen },
    ],
  },
];
