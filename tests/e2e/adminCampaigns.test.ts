// Campaigns end to end in real Chromium against the emulators: an admin creates a campaign in
// the UI and copies its link; a new visitor opens that link in a browser of their own and signs
// up; the admin's results table then credits the campaign with that one sign-up and a CAC of
// its spend; the admin moves the new user to pro on the user page and the user's usage meter
// shows the pro allowance; the users CSV export lists the user.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseAppConfig, periodKey } from "@ideaspark/domain";
import { randomUUID } from "node:crypto";
import { createAccount, TEST_PASSWORD, uidOf, uniqueEmail } from "../support/accounts";
import { adminDb } from "../support/admin";
import { baseUrl, launchBrowser, type BrowserSession } from "./browser";
import { AppShell } from "./pages/appShell";
import { AuthPages } from "./pages/authPages";
import { AdminCampaignsPage, AdminExportPage, AdminUserPage } from "./pages/adminCampaignsPages";

const SPEND_USD = 120;
const POLL = { timeout: 30_000, interval: 1_000 };

describe("admin campaign journey", () => {
  let admin: BrowserSession;
  let visitor: BrowserSession;
  let campaigns: AdminCampaignsPage;
  let campaignId = "";
  let link = "";
  const visitorEmail = uniqueEmail("campaign-visitor");
  let visitorUid = "";
  const name = `E2E campaign ${randomUUID().slice(0, 6)}`;
  const referralCode = `e2e-${randomUUID().slice(0, 8)}`;

  beforeAll(async () => {
    admin = await launchBrowser();
    await admin.context.grantPermissions(["clipboard-read", "clipboard-write"], {
      origin: baseUrl(),
    });
    const account = await createAccount("admin-campaigns", { admin: true });
    await new AuthPages(admin.page).signInFresh(account.email, account.password);
    campaigns = new AdminCampaignsPage(admin.page);
  });

  afterAll(async () => {
    await visitor?.close();
    await admin?.close();
    if (campaignId) await adminDb().doc(`campaigns/${campaignId}`).delete();
  });

  it("creates a campaign in the UI and copies its link", async () => {
    await campaigns.open();
    campaignId = await campaigns.create({
      name,
      referralCode,
      month: periodKey(Date.now()),
      spendUsd: SPEND_USD,
    });
    expect(campaignId).not.toBe("");
    const stored = (await adminDb().doc(`campaigns/${campaignId}`).get()).data();
    expect(stored).toMatchObject({
      name,
      referralCode,
      utmSource: null,
      archived: false,
      spendUsdByMonth: { [periodKey(Date.now())]: SPEND_USD },
    });

    link = await campaigns.copyLink(campaignId);
    expect(link).toBe(`${baseUrl()}/welcome?ref=${referralCode}`);
    expect(await campaigns.figure(campaignId, "signUps")).toBe(0);
    expect(await campaigns.figure(campaignId, "cacUsd")).toBeNull();
  });

  it("credits a visitor who signs up through that link", async () => {
    visitor = await launchBrowser();
    const app = new AppShell(visitor.page, visitor.context);
    const auth = new AuthPages(visitor.page);
    // The landing page is static (no app shell): its heading is the page.
    await visitor.page.goto(link);
    await app.heading("Ideas on demand").waitFor();
    await visitor.page.getByRole("link", { name: "Create a free account" }).click();
    await auth.waitForPath("/signup");
    await auth.fillSignUp({
      displayName: "Campaign Visitor",
      email: visitorEmail,
      password: TEST_PASSWORD,
    });
    await auth.waitForPath("/");
    visitorUid = (await uidOf(visitorEmail)) ?? "";
    expect(visitorUid).not.toBe("");

    // The server credits the sign-up (onSignUp trigger), then the admin's table shows it.
    await expect
      .poll(async () => (await adminDb().doc(`users/${visitorUid}`).get()).get("growth"), POLL)
      .toMatchObject({ signupCounted: true, campaignId });
    await expect.poll(() => campaigns.figure(campaignId, "signUps"), POLL).toBe(1);
    expect(await campaigns.figure(campaignId, "cacUsd")).toBe(SPEND_USD / 1);
    expect(await campaigns.figure(campaignId, "spendUsd")).toBe(SPEND_USD);
  });

  it("moves the new user to pro, and their usage meter shows the pro allowance", async () => {
    const userPage = new AdminUserPage(admin.page);
    await userPage.open(visitorUid);
    expect(await admin.page.getByTestId("user-email").textContent()).toBe(visitorEmail);
    await userPage.changePlan("pro");
    await expect
      .poll(async () => (await adminDb().doc(`users/${visitorUid}`).get()).get("plan"), POLL)
      .toBe("pro");
    // The page reads the account again after the change; that answer may land a moment later.
    await expect.poll(() => admin.page.getByTestId("user-plan").textContent(), POLL).toBe("pro");

    const config = parseAppConfig((await adminDb().doc("config/app").get()).data());
    await visitor.page.goto("/usage");
    const limit = visitor.page.getByTestId("usage-limit");
    await limit.waitFor({ timeout: 30_000 });
    await expect
      .poll(async () => ((await limit.textContent()) ?? "").replace(/\D/g, ""), POLL)
      .toBe(String(config.plans.pro.monthlyTokens));
    expect(await visitor.page.getByTestId("usage-plan").textContent()).toContain("Pro");
  });

  it("downloads the users CSV with the new user in it", async () => {
    const exports = new AdminExportPage(admin.page);
    await exports.open();
    const { name: fileName, text } = await exports.download("users");
    expect(fileName).toBe(`ideaspark-users-${periodKey(Date.now())}.csv`);
    const line = text.split("\r\n").find((row) => row.includes(visitorEmail));
    expect(line).toBeDefined();
    expect(line?.split(",").slice(0, 5)).toEqual([visitorUid, visitorEmail, "pro", "member", name]);
    expect(admin.pageErrors).toEqual([]);
    expect(visitor.pageErrors).toEqual([]);
  });
});
