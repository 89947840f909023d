// Where to send someone after signing in: the `next` query parameter, accepted only when it is a
// path inside this app (never another origin, and never back to a sign-in page).
const GUEST_PATHS = ["/signin", "/signup", "/welcome", "/reset-password"];

/** `next` when it is a same-app path worth returning to; otherwise `fallback`. */
export function safeNextPath(next: string | null | undefined, fallback = "/"): string {
  if (!next || !next.startsWith("/") || next.startsWith("//") || next.includes("\\")) {
    return fallback;
  }
  let url: URL;
  try {
    url = new URL(next, "https://app.invalid");
  } catch {
    return fallback;
  }
  if (url.origin !== "https://app.invalid") return fallback;
  if (GUEST_PATHS.some((path) => url.pathname === path || url.pathname.startsWith(`${path}/`))) {
    return fallback;
  }
  return `${url.pathname}${url.search}${url.hash}`;
}

/** The sign-in address that returns to `location` afterwards. */
export function signInPathFor(location: { pathname: string; search: string; hash: string }) {
  const here = `${location.pathname}${location.search}${location.hash}`;
  return here === "/" ? "/signin" : `/signin?next=${encodeURIComponent(here)}`;
}
