// The app shell around every screen: header (brand, navigation, connectivity, install), the
// routed screen, a status footer and the service-worker update prompt. It also runs the
// session's side effects (attribution capture, profile setup).
import { lazy, Suspense } from "react";
import { Link, Outlet, ScrollRestoration, useNavigation } from "react-router";
import { BackendStatus } from "./BackendStatus";
import { InstallButton } from "./InstallButton";
import { OfflineIndicator } from "./OfflineIndicator";
import { ProfileSetupBanner } from "./ProfileSetupBanner";
import { ReloadPrompt } from "./ReloadPrompt";
import { RouteFocus } from "./RouteFocus";
import { TopNav } from "./TopNav";
import { useSessionEffects } from "./useSessionEffects";

// Fetched after the first paint: it shows only when a queued brief meets a returning connection.
const QueuedBriefPrompt = lazy(async () => ({
  default: (await import("../features/spark/QueuedBriefPrompt")).QueuedBriefPrompt,
}));

export function Layout() {
  const navigating = useNavigation().state !== "idle";
  useSessionEffects();
  return (
    <div className="app-shell" data-testid="app-shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <div className="app-header-inner">
          <Link to="/" className="brand" aria-label="IdeaSpark home">
            <img src="/logo.svg" alt="" width="28" height="28" />
            <span>IdeaSpark</span>
          </Link>
          <TopNav />
          <div className="header-tools">
            <OfflineIndicator />
            <InstallButton />
          </div>
        </div>
        {navigating && <div className="route-progress" aria-hidden="true" />}
      </header>
      <main id="main" className="app-main" tabIndex={-1}>
        <ProfileSetupBanner />
        <Suspense fallback={null}>
          <QueuedBriefPrompt />
        </Suspense>
        <Outlet />
      </main>
      <footer className="app-footer">
        <BackendStatus />
        <p>
          <Link to="/welcome">About IdeaSpark</Link>
        </p>
      </footer>
      <ReloadPrompt />
      <ScrollRestoration />
      <RouteFocus />
    </div>
  );
}
