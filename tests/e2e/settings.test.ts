// Settings on a 375px phone against the emulators: the name and AI data-use consent reach
// users/{uid} (and the Auth profile), "Download my data" saves the export as JSON (a second
// one within 10 minutes is refused, saying when it may start), and deleting
// the account (typing DELETE, re-entering the password) removes it and lands on /welcome.
import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminAuth } from "../support/admin";
import { createAccount, profileDocument, uidOf, type Account } from "../support/accounts";
import { launchBrowser, type BrowserSession } from "./browser";
import { AppShell } from "./pages/appShell";
import { AuthPages } from "./pages/authPages";
import { SettingsPage } from "./pages/settingsPage";

describe("settings journey", () => {
  let session: BrowserSession;
  let app: AppShell;
  let settings: SettingsPage;
  let account: Account;

  beforeAll(async () => {
    session = await launchBrowser({ viewport: { width: 375, height: 667 } });
    app = new AppShell(session.page, session.context);
    settings = new SettingsPage(session.page);
    account = await createAccount("settings", { displayName: "Set Tings" });
    await new AuthPages(session.page).signInFresh(account.email, account.password);
  });

  afterAll(async () => {
    await session?.close();
  });

  it("creates the missing profile on sign-in and shows it", async () => {
    await expect
      .poll(() => profileDocument(account.uid), { timeout: 15_000, interval: 250 })
      .toMatchObject({ email: account.email, displayName: "Set Tings", attribution: null });
    await settings.open();
    expect(await settings.nameInput.inputValue()).toBe("Set Tings");
    expect(await app.overflowsHorizontally()).toBe(false);
  });

  it("saves a new display name to the profile and the Auth account", async () => {
    await settings.saveName("  Renamed Person ");
    await expect
      .poll(async () => (await profileDocument(account.uid))?.displayName)
      .toBe("Renamed Person");
    expect((await adminAuth().getUser(account.uid)).displayName).toBe("Renamed Person");
  });

  it("refuses an empty name next to the field", async () => {
    await settings.nameInput.fill("   ");
    await session.page.getByTestId("save-name").click();
    expect(await session.page.getByTestId("displayName-error").textContent()).toBe(
      "Enter your name",
    );
    expect((await profileDocument(account.uid))?.displayName).toBe("Renamed Person");
  });

  it("turns AI data-use consent on", async () => {
    expect(await settings.consent.isChecked()).toBe(false);
    await settings.consent.click();
    await expect
      .poll(async () => (await profileDocument(account.uid))?.aiDataUseConsent)
      .toBe(true);
    await expect.poll(() => settings.consent.isChecked()).toBe(true);
  });

  it("downloads the account's data as JSON", async () => {
    const download = await settings.downloadData();
    expect(download.suggestedFilename()).toMatch(/^ideaspark-data-\d{4}-\d{2}-\d{2}\.json$/);
    const file = await download.path();
    const data = JSON.parse(await readFile(file, "utf8")) as Record<string, unknown>;
    expect(data).toMatchObject({ uid: account.uid, profile: { displayName: "Renamed Person" } });
  });

  it("says when the next download may start when asked again within 10 minutes", async () => {
    await session.page.getByTestId("export-data").click();
    const alert = session.page.getByRole("region", { name: "Your data" }).getByTestId("form-error");
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(
      /^You can download your data once every 10 minutes\. Please try again in (9|10) minutes\.$/,
    );
  });

  it("deletes the account after DELETE and the password, then lands on /welcome", async () => {
    await settings.deleteAccount(account.password);
    await session.page.waitForURL((url) => url.pathname === "/welcome", { timeout: 30_000 });
    await app.heading("Ideas on demand").waitFor();
    expect(await uidOf(account.email)).toBeNull();
    expect(await profileDocument(account.uid)).toBeUndefined();
    expect(session.pageErrors).toEqual([]);
  });
});
