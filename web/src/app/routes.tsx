// Every screen's address (see PRODUCT.md). Screens are small and bundled with the shell; the
// admin area is lazy-loaded. Protected-route redirects arrive with the auth issue.
import type { RouteObject } from "react-router";
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
import { Layout } from "./Layout";
import { LoadingScreen } from "./LoadingScreen";
import { RouteError } from "./RouteError";

export const routes: RouteObject[] = [
  {
    Component: Layout,
    ErrorBoundary: RouteError,
    HydrateFallback: LoadingScreen,
    children: [
      { index: true, Component: HomeScreen },
      { path: "welcome", Component: WelcomeScreen },
      { path: "signin", Component: SignInScreen },
      { path: "signup", Component: SignUpScreen },
      { path: "spark", Component: NewSparkScreen },
      { path: "spark/:id", Component: SparkScreen },
      { path: "history", Component: HistoryScreen },
      { path: "usage", Component: UsageScreen },
      { path: "settings", Component: SettingsScreen },
      {
        path: "admin/*",
        lazy: async () => ({ Component: (await import("../features/admin/AdminArea")).AdminArea }),
      },
      { path: "*", Component: NotFoundScreen },
    ],
  },
];
