// The landing page's only eager script (about a kilobyte): the page itself is static HTML and CSS
// and has painted before this runs. It carries the campaign parameters (utm_* / ref) into the
// sign-up and sign-in links and, once the page has loaded and the browser is idle, fetches the
// code that stores the first touch and records the landing_view (./landing.ts). A visitor who
// clicks through before that has finished waits for it (at most LEAVE_WAIT_MS): leaving the page
// would otherwise drop the landing_view and credit the first touch to the sign-up page.
import "./welcome.css";
import { loadDocument } from "../lib/loadDocument";
import { withSearch } from "./carryCampaign";

const LEAVE_WAIT_MS = 1_500;

let recorded: Promise<void> | undefined;
function record(): Promise<void> {
  recorded ??= import("./landing").then(({ recordLanding }) => recordLanding());
  return recorded;
}

function followAfterRecord(event: MouseEvent, link: HTMLAnchorElement): void {
  // New tabs and windows keep the browser's own behaviour (that page stays open anyway).
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
    return;
  }
  event.preventDefault();
  const waited = new Promise<void>((resolve) => setTimeout(resolve, LEAVE_WAIT_MS));
  void Promise.race([record(), waited])
    .catch(() => undefined)
    .then(() => loadDocument(link.href));
}

for (const link of document.querySelectorAll<HTMLAnchorElement>("a[data-carry-campaign]")) {
  link.href = withSearch(link.getAttribute("href") ?? "/", window.location.search);
  link.addEventListener("click", (event) => followAfterRecord(event, link));
}

function whenIdle(run: () => void): void {
  if ("requestIdleCallback" in window) window.requestIdleCallback(run, { timeout: 3_000 });
  else setTimeout(run, 200);
}

function recordVisit(): void {
  whenIdle(() => void record().catch(() => undefined));
}

if (document.readyState === "complete") recordVisit();
else window.addEventListener("load", recordVisit, { once: true });
