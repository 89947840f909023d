// The installable, offline-capable shell, in real Chromium: the manifest is linked and complete,
// the service worker takes control, and with the network gone the shell, a deep link and the
// lazily loaded admin area still open from the precache, still signed in (as an admin).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, type BrowserSession } from "./browser";
import { createAccount } from "../support/accounts";
import { AppShell } from "./pages/appShell";
import { AuthPages } from "./pages/authPages";

describe("app shell offline journey", () => {
  let session: BrowserSession;
  let app: AppShell;

  beforeAll(async () => {
    session = await launchBrowser();
    app = new AppShell(session.page, session.context);
    const account = await createAccount("offline", { admin: true });
    await new AuthPages(session.page).signInFresh(account.email, account.password);
  });

  afterAll(async () => {
    await session?.close();
  });

  it("renders the shell online with navigation and an online indicator", async () => {
    const response = await app.open("/");
    expect(response?.ok()).toBe(true);
    await app.heading("Your sparks").waitFor();
    expect(await app.nav.isVisible()).toBe(true);
    expect(await app.offlineIndicator.getAttribute("data-state")).toBe("online");
    expect(await session.page.title()).toBe("IdeaSpark");
  });

  it("links a manifest with maskable icons, shortcuts and screenshots that all exist", async () => {
    const manifest = await app.manifest();
    expect(manifest.name).toBe("IdeaSpark");
    expect(manifest.display).toBe("standalone");
    expect(manifest.start_url).toBe("/");
    const icons = manifest.icons ?? [];
    expect(icons.some((icon) => icon.purpose?.split(" ").includes("maskable"))).toBe(true);
    expect(icons.some((icon) => icon.sizes === "512x512")).toBe(true);
    expect(manifest.shortcuts?.map((shortcut) => shortcut.url)).toEqual(["/spark", "/history"]);
    expect(manifest.screenshots?.map((shot) => shot.form_factor).sort()).toEqual([
      "narrow",
      "narrow",
      "wide",
      "wide",
    ]);
    const images = [...icons, ...(manifest.screenshots ?? [])].map((image) => image.src);
    for (const src of images) {
      expect({ src, ...(await app.fetchAsset(src)) }).toEqual({
        src,
        status: 200,
        contentType: expect.stringMatching(/^image\/png/) as unknown as string,
      });
    }
  });

  it("is controlled by the service worker and installable", async () => {
    await app.waitForServiceWorkerControl();
    expect(await app.installabilityErrors()).toEqual([]);
  });

  it("reloads offline from the precache and says it is offline", async () => {
    await app.setOffline(true);
    const response = await app.reload();
    expect(response?.fromServiceWorker()).toBe(true);
    await app.heading("Your sparks").waitFor();
    await expect.poll(() => app.offlineIndicator.getAttribute("data-state")).toBe("offline");
    expect(await app.offlineIndicator.textContent()).toContain("Offline");
    expect(await app.backendStatus.textContent()).toBe("Backend: offline");
  });

  it("opens a deep link offline", async () => {
    const response = await app.open("/history");
    expect(response?.fromServiceWorker()).toBe(true);
    await app.heading("History").waitFor();
    expect(await session.page.title()).toBe("History · IdeaSpark");
    expect(await app.offlineIndicator.getAttribute("data-state")).toBe("offline");
  });

  it("loads the lazily split admin area offline", async () => {
    await app.open("/admin");
    await app.heading("Admin · Overview").waitFor();
  });

  it("comes back online without a reload", async () => {
    await app.setOffline(false);
    // The app notices within a few seconds even when the browser never said it was offline.
    await expect
      .poll(() => app.offlineIndicator.getAttribute("data-state"), { timeout: 10_000 })
      .toBe("online");
    expect(session.pageErrors).toEqual([]);
  });
});
