// /welcome inside the app: the landing page is a static page of its own (welcome.html), so a
// link or redirect to it from the app loads that page. Should a server ever answer /welcome with
// the app instead (a misconfigured rewrite), the reload is not repeated: the visitor gets the
// sign-in and sign-up links here rather than a reload loop.
import { useEffect, useState } from "react";
import { Link, useLocation } from "react-router";
import { loadDocument } from "../lib/loadDocument";
import { LoadingScreen } from "../ui/LoadingScreen";

const RELOADED_KEY = "ideaspark.landingReload";
const LOOP_WINDOW_MS = 10_000;

function reloadedRecently(now: number): boolean {
  try {
    const at = Number(sessionStorage.getItem(RELOADED_KEY));
    return Number.isFinite(at) && now - at < LOOP_WINDOW_MS;
  } catch {
    return false;
  }
}

function loadLandingPage(url: string, now: number): void {
  try {
    sessionStorage.setItem(RELOADED_KEY, String(now));
  } catch {
    // Storage blocked: without the note a misconfigured server could loop; nothing else to do.
  }
  loadDocument(url);
}

export function LandingPage() {
  const { pathname, search } = useLocation();
  const [stuck] = useState(() => reloadedRecently(Date.now()));
  useEffect(() => {
    if (!stuck) loadLandingPage(`${pathname}${search}`, Date.now());
  }, [stuck, pathname, search]);
  if (!stuck) return <LoadingScreen />;
  return (
    <p className="button-row">
      <Link className="button button-primary" to={`/signup${search}`}>
        Create a free account
      </Link>
      <Link className="button button-secondary" to={`/signin${search}`}>
        Sign in
      </Link>
    </p>
  );
}
