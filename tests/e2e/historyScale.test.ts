// History at scale in real Chromium: a person with 120 sparks (more than the old 50-a-page) finds
// the oldest by a word only it has, online and offline from the cache, and the windowed list keeps
// a few dozen rows in the page while scrolling reaches the last spark.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccount } from "../support/accounts";
import { launchBrowser, type BrowserSession } from "./browser";
import { AppShell } from "./pages/appShell";
import { AuthPages } from "./pages/authPages";
import { HistoryPages } from "./pages/historyPages";
import { OLDEST_WORD, seedManySparks, type ManySparks } from "./pages/manySparksSeed";

const SPARKS = 120;
/** Far fewer rows than sparks: the viewport's rows plus the overscan above and below. */
const MAX_ROWS = 60;

describe("history at scale", () => {
  let session: BrowserSession;
  let app: AppShell;
  let pages: HistoryPages;
  let seeded: ManySparks;

  beforeAll(async () => {
    session = await launchBrowser();
    app = new AppShell(session.page, session.context);
    pages = new HistoryPages(session.page);
    const account = await createAccount("history-scale");
    seeded = await seedManySparks(account, SPARKS);
    await new AuthPages(session.page).signInFresh(account.email, account.password);
  });

  afterAll(async () => {
    await session?.close();
  });

  const renderedIds = () =>
    session.page
      .getByTestId("spark-item")
      .evaluateAll((items) => items.map((item) => item.getAttribute("data-spark-id")));

  it("finds the oldest spark, older than the first 50, by a word only it has", async () => {
    await pages.openHistory();
    await pages.search.fill(OLDEST_WORD.toUpperCase());
    await expect.poll(() => pages.topicTexts()).toEqual([seeded.oldestTopic]);
    await pages.search.fill("");
  });

  it("keeps far fewer rows than sparks in the page while scrolling reaches the last one", async () => {
    await pages.openHistory();
    await expect.poll(() => renderedIds().then((ids) => ids[0])).toBe(seeded.ids[0]);
    const list = session.page.getByTestId("history-list");
    expect(await list.getAttribute("aria-label")).toBe(`${SPARKS} sparks, newest first`);
    const counts: number[] = [];
    const last = seeded.ids.at(-1)!;
    for (let step = 0; step < 100 && !(await renderedIds()).includes(last); step += 1) {
      await session.page.mouse.wheel(0, 600);
      await session.page.waitForTimeout(30);
      counts.push((await renderedIds()).length);
    }
    expect(await renderedIds()).toContain(last);
    expect(await renderedIds()).not.toContain(seeded.ids[0]);
    expect(Math.max(...counts)).toBeLessThan(MAX_ROWS);
    const lastItem = session.page.locator(`[data-spark-id="${last}"]`);
    expect(await lastItem.getAttribute("aria-posinset")).toBe(await list.getAttribute("data-rows"));
    await expect.poll(() => lastItem.isVisible()).toBe(true);
  });

  it("finds the oldest spark offline, from the cache", async () => {
    await app.waitForServiceWorkerControl();
    await pages.openHistory();
    await app.setOffline(true);
    await app.reload();
    await pages.items.first().waitFor({ timeout: 20_000 });
    await pages.search.fill(OLDEST_WORD);
    await expect.poll(() => pages.topicTexts()).toEqual([seeded.oldestTopic]);
    // The cache answered. (Which wording: after a reload under Playwright's offline emulation,
    // Chromium 150 reports navigator.onLine true though every request fails.)
    await expect.poll(() => pages.savedNotice.textContent()).toContain("Showing saved data");
    await app.setOffline(false);
    expect(session.pageErrors).toEqual([]);
  });
});
