// Two people, one browser profile: A has sparks (seeded with the Admin SDK), types a draft, queues
// a brief offline and signs out; B signs in on the same profile and sees nothing of A's, on screen
// or in the browser's storage (localStorage, and every IndexedDB database including Firestore's
// persistent cache, which sign-out deletes).
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccount, type Account } from "../support/accounts";
import { launchBrowser, type BrowserSession } from "./browser";
import { AppShell } from "./pages/appShell";
import { AuthPages } from "./pages/authPages";
import { DeviceStorage } from "./pages/deviceStorage";
import { HistoryPages } from "./pages/historyPages";
import { seedHistory, type SeededHistory } from "./pages/historySeed";
import { SparkPage } from "./pages/sparkPage";

const FIRESTORE_CACHE = "firestore/[DEFAULT]/demo-ideaspark/main";

describe("a shared device: one person signs out, the next signs in", () => {
  let session: BrowserSession;
  let app: AppShell;
  let auth: AuthPages;
  let history: HistoryPages;
  let spark: SparkPage;
  let storage: DeviceStorage;
  let alice: Account;
  let bob: Account;
  let seeded: SeededHistory;
  const tag = randomUUID().slice(0, 8);
  const queuedTopic = `Alice's queued brief ${tag}`;
  const draftTopic = `Alice's unsent draft ${tag}`;

  beforeAll(async () => {
    session = await launchBrowser();
    app = new AppShell(session.page, session.context);
    auth = new AuthPages(session.page);
    history = new HistoryPages(session.page);
    spark = new SparkPage(session.page);
    storage = new DeviceStorage(session.page);
    [alice, bob] = await Promise.all([createAccount("shared-a"), createAccount("shared-b")]);
    seeded = await seedHistory(alice);
  });

  afterAll(async () => {
    await session?.close();
  });

  it("A sees their sparks, queues a brief offline and leaves a draft, all kept in this browser", async () => {
    await auth.signInFresh(alice.email, alice.password);
    await history.openHome();
    expect(await history.topicTexts()).toEqual(seeded.sparks.map((s) => s.topic));

    await spark.openForm();
    await app.setOffline(true);
    await expect.poll(() => app.offlineIndicator.getAttribute("data-state")).toBe("offline");
    await spark.fillBrief({ topic: queuedTopic });
    await spark.submit.click();
    await spark.queuedDraft.waitFor();
    await spark.fillBrief({ topic: draftTopic });
    await app.setOffline(false);
    // The app notices within a few seconds even when the browser never said it was offline.
    await expect
      .poll(() => app.offlineIndicator.getAttribute("data-state"), { timeout: 10_000 })
      .toBe("online");

    // What the checks after sign-out look for is really there now (so they can fail).
    expect(await spark.queuedRequestIds(alice.uid)).toHaveLength(1);
    const entries = Object.values(await storage.localStorageEntries()).join("\n");
    expect(entries).toContain(queuedTopic);
    await expect.poll(async () => (await storage.localStorageMentions(draftTopic)).length).toBe(1);
    await expect
      .poll(async () => (await storage.indexedDbScan(alice.uid)).mentions)
      .toContain(`${FIRESTORE_CACHE} › remoteDocumentsV14`);
  });

  it("after A signs out, nothing of A's is left in localStorage or IndexedDB", async () => {
    await auth.signOutFromSettings();
    for (const text of [alice.uid, alice.email, draftTopic, queuedTopic]) {
      expect({ text, keys: await storage.localStorageMentions(text) }).toEqual({ text, keys: [] });
    }
    const scan = await storage.indexedDbScan(alice.uid);
    expect(scan.mentions).toEqual([]);
    // Firestore's cache itself was deleted at sign-out (signed out, nothing has reopened it).
    expect(scan.databases).not.toContain(FIRESTORE_CACHE);
  });

  it("B signs in on the same profile and sees none of A's sparks, draft or queued brief", async () => {
    await auth.signIn(bob.email, bob.password);
    await auth.waitForPath("/");
    await session.page.getByRole("heading", { name: "No sparks yet" }).waitFor();
    await session.page.goto("/history");
    await session.page.getByRole("heading", { name: "Nothing here yet" }).waitFor();
    await spark.openForm();
    expect(await spark.input("topic").inputValue()).toBe("");
    expect(await spark.queuedDraft.count()).toBe(0);
    const screenText = await session.page.locator("body").innerText();
    for (const text of [draftTopic, queuedTopic, ...seeded.sparks.map((s) => s.topic)]) {
      expect(screenText).not.toContain(text);
    }
  });

  it("B's browser storage holds B's data only: a fresh Firestore cache, nothing of A's", async () => {
    // B's own reads fill a new cache; finding B proves the scan sees into it.
    await expect
      .poll(async () => (await storage.indexedDbScan(bob.uid)).mentions.length)
      .toBeGreaterThan(0);
    const scan = await storage.indexedDbScan(alice.uid);
    expect(scan.databases).toContain(FIRESTORE_CACHE);
    expect(scan.mentions).toEqual([]);
    for (const text of [alice.uid, alice.email, draftTopic, queuedTopic]) {
      expect({ text, keys: await storage.localStorageMentions(text) }).toEqual({ text, keys: [] });
    }
    expect(session.pageErrors).toEqual([]);
  });
});
