// The app under the Content-Security-Policy the Hosting emulator serves from firebase.json (plus
// the emulators' own origins, tools/lib/emulatorConfig.ts), in real Chromium: a person signs in,
// goes through every screen, runs a spark, and an admin opens the charts; the browser reports
// no violation of the policy and logs no CSP error along the way.
import { randomUUID } from "node:crypto";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccount } from "../support/accounts";
import { launchBrowser, type BrowserSession } from "./browser";
import { AdminOverviewPage } from "./pages/adminOverviewPages";
import { AppShell } from "./pages/appShell";
import { AuthPages } from "./pages/authPages";
import { SparkPage } from "./pages/sparkPage";

// Functions passed to the page run in the browser; tsconfig.tools.json has no DOM lib.
declare const window: {
  addEventListener(type: string, listener: (event: ViolationEvent) => void): void;
  __cspViolations?: string[];
  __reportCspViolation?: (line: string) => Promise<void>;
};
interface ViolationEvent {
  violatedDirective: string;
  blockedURI: string;
  sourceFile: string;
  lineNumber: number;
}

interface CspWatch {
  /** Violations the pages reported (`securitypolicyviolation`) and CSP errors in the console. */
  readonly problems: string[];
}

/**
 * Records every CSP violation of every document the page loads, from before its first script:
 * each document keeps its own in window.__cspViolations and reports it here at once, so a
 * violation on a page navigated away from is not lost.
 */
async function watchCsp(page: Page): Promise<CspWatch> {
  const watch: CspWatch = { problems: [] };
  await page.exposeFunction("__reportCspViolation", (line: string) => {
    watch.problems.push(line);
  });
  await page.addInitScript(() => {
    window.__cspViolations = [];
    window.addEventListener("securitypolicyviolation", (event) => {
      const line =
        `${event.violatedDirective} blocked ${event.blockedURI || "(inline)"} at ` +
        `${event.sourceFile}:${event.lineNumber}`;
      window.__cspViolations?.push(line);
      void window.__reportCspViolation?.(line);
    });
  });
  page.on("console", (message) => {
    if (/Content[- ]Security[- ]Policy/i.test(message.text())) {
      watch.problems.push(`console ${message.type()}: ${message.text()}`);
    }
  });
  return watch;
}

describe("the app under its Content-Security-Policy", () => {
  let session: BrowserSession;
  let csp: CspWatch;
  let app: AppShell;

  beforeAll(async () => {
    session = await launchBrowser();
    csp = await watchCsp(session.page);
    app = new AppShell(session.page, session.context);
  });

  afterAll(async () => {
    await session?.close();
  });

  it("serves the policy with every page", async () => {
    const response = await app.open("/signin");
    const policy = response?.headers()["content-security-policy"] ?? "";
    expect(policy).toContain("default-src 'self'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toContain("'unsafe-eval'");
  });

  it("signs in, visits every screen and runs a spark without a single violation", async () => {
    const account = await createAccount("csp");
    await new AuthPages(session.page).signInFresh(account.email, account.password);

    await app.open("/");
    await app.heading("Your sparks").waitFor();

    const spark = new SparkPage(session.page);
    await spark.openForm();
    await spark.fillBrief({ topic: `Community garden ${randomUUID().slice(0, 8)}`, count: 3 });
    await spark.submit.click();
    await spark.waitForSpark();
    await spark.waitForStoredIdeas(3);

    for (const [path, heading] of [
      ["/history", "History"],
      ["/usage", "Usage"],
      ["/settings", "Settings"],
    ] as const) {
      await app.open(path);
      await app.heading(heading).waitFor();
    }
    // The service worker (its own scripts fall under the policy too) takes control.
    await app.waitForServiceWorkerControl();
    await app.heading("Settings").waitFor();

    expect(csp.problems).toEqual([]);
    expect(session.pageErrors).toEqual([]);
  });

  it("draws the admin charts (lazy chunks, their stylesheet, uPlot) without a violation", async () => {
    const admin = await createAccount("csp-admin", { admin: true });
    const auth = new AuthPages(session.page);
    await auth.signOutFromSettings();
    await auth.signInFresh(admin.email, admin.password);
    const overview = new AdminOverviewPage(session.page);
    await overview.open(30);
    await session.page.locator("figure.time-chart canvas").first().waitFor();

    expect(csp.problems).toEqual([]);
    expect(session.pageErrors).toEqual([]);
  });
});
