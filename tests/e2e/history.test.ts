// Home, history and usage against the emulators in real Chromium, for a user seeded with the
// Admin SDK (profile, three sparks, this month's usage and quota): home lists the sparks and the
// meter, history searches and filters and opens a spark, reloads offline from the cache, and
// usage shows the tokens and today's bar.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseAppConfig } from "@ideaspark/domain";
import { createAccount, type Account } from "../support/accounts";
import { adminDb } from "../support/admin";
import { launchBrowser, type BrowserSession } from "./browser";
import { AppShell } from "./pages/appShell";
import { AuthPages } from "./pages/authPages";
import { HistoryPages, numberIn } from "./pages/historyPages";
import { seedHistory, type SeededHistory } from "./pages/historySeed";

describe("home, history and usage journey", () => {
  let session: BrowserSession;
  let app: AppShell;
  let pages: HistoryPages;
  let account: Account;
  let seeded: SeededHistory;

  beforeAll(async () => {
    session = await launchBrowser();
    app = new AppShell(session.page, session.context);
    pages = new HistoryPages(session.page);
    account = await createAccount("history");
    seeded = await seedHistory(account);
    await new AuthPages(session.page).signInFresh(account.email, account.password);
  });

  afterAll(async () => {
    await session?.close();
  });

  it("lists the recent sparks newest first on home, with the month's meter", async () => {
    await pages.openHome();
    expect(await pages.topicTexts()).toEqual(seeded.sparks.map((spark) => spark.topic));
    const starred = pages.item("Weekend workshops").getByTestId("spark-starred-count");
    expect(await starred.textContent()).toContain("1 starred");
    expect(await numberIn(pages.used)).toBe(seeded.usedTokens);
    const config = parseAppConfig((await adminDb().doc("config/app").get()).data());
    expect(await numberIn(pages.limit)).toBe(config.plans.free.monthlyTokens);
    expect(await pages.plan.textContent()).toBe("Free plan");
    expect(seeded.usedTokens).toBe(3_000);
  });

  it("narrows history by search (accent-insensitive) and by the starred filter", async () => {
    await pages.openHistory();
    expect(await pages.items.count()).toBe(3);
    await pages.search.fill("CHOIR");
    await expect.poll(() => pages.topicTexts()).toEqual(["Fundraising for a school choir"]);
    await pages.search.fill("creme brulee");
    await expect.poll(() => pages.topicTexts()).toEqual(["Crème brûlée pop-up café"]);
    await pages.search.fill("no such spark");
    await session.page.getByTestId("history-no-results").waitFor();
    await pages.search.fill("");
    await pages.starredOnly.check();
    await expect.poll(() => pages.topicTexts()).toEqual(["Weekend workshops for a bike shop"]);
  });

  it("opens a spark's own screen from history", async () => {
    await pages.item("Weekend workshops").getByRole("link").click();
    await session.page.waitForURL((url) => url.pathname === "/spark/e2e-spark-bikes");
  });

  it("reloads history offline from the cache, saying the data is saved", async () => {
    await pages.openHistory();
    await app.waitForServiceWorkerControl();
    await pages.openHistory();
    await app.setOffline(true);
    const response = await app.reload();
    expect(response?.fromServiceWorker()).toBe(true);
    await pages.items.first().waitFor({ timeout: 20_000 });
    expect(await pages.topicTexts()).toEqual(seeded.sparks.map((spark) => spark.topic));
    expect(await pages.savedNotice.textContent()).toContain("Showing saved data (offline)");
    await app.setOffline(false);
  });

  it("shows the used tokens and a bar for today on /usage", async () => {
    // The app notices within a few seconds even when the browser never said it was offline.
    await expect
      .poll(() => app.offlineIndicator.getAttribute("data-state"), { timeout: 10_000 })
      .toBe("online");
    await pages.openUsage();
    expect(await numberIn(pages.used)).toBe(seeded.usedTokens);
    const today = new Date().toISOString().slice(0, 10);
    await pages.chartBar(today).waitFor({ state: "attached" });
    const rows = session.page.getByTestId("usage-request");
    expect(await rows.count()).toBe(3);
    const cachedRow = session.page.locator('[data-testid="usage-request"][data-cached="true"]');
    expect(await cachedRow.getByTestId("usage-request-tokens").textContent()).toBe("0");
    expect(session.pageErrors).toEqual([]);
  });
});
