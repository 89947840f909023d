// The shell at phone width, signed in: every destination in the top navigation is reachable
// without the page scrolling sideways.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, type BrowserSession } from "./browser";
import { createAccount } from "../support/accounts";
import { AppShell } from "./pages/appShell";
import { AuthPages } from "./pages/authPages";

describe("app shell on a 375px phone", () => {
  let session: BrowserSession;
  let app: AppShell;

  beforeAll(async () => {
    session = await launchBrowser({ viewport: { width: 375, height: 667 } });
    app = new AppShell(session.page, session.context);
    const account = await createAccount("layout");
    await new AuthPages(session.page).signInFresh(account.email, account.password);
  });

  afterAll(async () => {
    await session?.close();
  });

  it("shows every navigation link inside the viewport and never scrolls sideways", async () => {
    await app.open("/");
    await app.nav.waitFor();
    expect(await app.overflowsHorizontally()).toBe(false);
    for (const name of ["Home", "New spark", "History", "Usage", "Settings"]) {
      const box = await app.nav.getByRole("link", { name, exact: true }).boundingBox();
      expect(box, name).not.toBeNull();
      expect(box!.x, name).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width, name).toBeLessThanOrEqual(375);
    }
    expect(await app.offlineIndicator.isVisible()).toBe(true);
  });

  it("navigates with the top navigation", async () => {
    await app.nav.getByRole("link", { name: "History", exact: true }).click();
    await app.heading("History").waitFor();
    expect(new URL(session.page.url()).pathname).toBe("/history");
  });
});
