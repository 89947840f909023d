// The landing page's only eager script (a few hundred bytes): the page itself is static HTML and
// CSS and has painted before this runs. It carries the campaign parameters (utm_* / ref) into the
// sign-up and sign-in links, so the app can credit the sign-up even when the visitor clicks
// before anything else loads, then, once the page has loaded and the browser is idle, fetches
// the code that stores the first touch and records the landing_view (./landing.ts).
import "./welcome.css";
import { withSearch } from "./carryCampaign";

for (const link of document.querySelectorAll<HTMLAnchorElement>("a[data-carry-campaign]")) {
  link.href = withSearch(link.getAttribute("href") ?? "/", window.location.search);
}

function whenIdle(run: () => void): void {
  if ("requestIdleCallback" in window) window.requestIdleCallback(run, { timeout: 3_000 });
  else setTimeout(run, 200);
}

function recordVisit(): void {
  whenIdle(() => {
    void import("./landing").then(({ recordLanding }) => recordLanding());
  });
}

if (document.readyState === "complete") recordVisit();
else window.addEventListener("load", recordVisit, { once: true });
