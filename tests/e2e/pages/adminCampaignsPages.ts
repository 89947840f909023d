// Page objects for the admin campaigns, user and export screens: the campaign form, a campaign's
// copied link, a figure of the results table (its raw data-value), the user page's plan change
// and a CSV download's text.
import { readFile } from "node:fs/promises";
import type { Locator, Page } from "playwright-core";

// page.evaluate callbacks run in the browser; tsconfig.tools.json has no DOM lib.
declare const navigator: { clipboard: { readText(): Promise<string> } };

export interface CampaignInput {
  name: string;
  referralCode: string;
  month: string;
  spendUsd: number;
}

export class AdminCampaignsPage {
  readonly screen: Locator;

  constructor(readonly page: Page) {
    this.screen = page.getByTestId("admin-campaigns");
  }

  async open(): Promise<void> {
    await this.page.goto("/admin/campaigns");
    await this.screen.waitFor();
    await this.page.getByTestId("campaign-results").waitFor({ timeout: 30_000 });
  }

  /** Fills and saves the new-campaign form; resolves with the new campaign's id. */
  async create(input: CampaignInput): Promise<string> {
    await this.page.getByTestId("campaign-new").click();
    const form = this.page.getByTestId("campaign-form");
    await form.getByTestId("campaign-name-input").fill(input.name);
    await form.getByTestId("campaign-referral-code-input").fill(input.referralCode);
    await form.getByTestId("spend-add").click();
    await form.getByTestId("spend-month-0-input").fill(input.month);
    await form.getByTestId("spend-usd-0-input").fill(String(input.spendUsd));
    await form.getByTestId("campaign-save").click();
    await form.waitFor({ state: "detached", timeout: 15_000 });
    const row = this.page
      .getByTestId("campaign-list")
      .locator("tr", { hasText: input.name })
      .first();
    await row.waitFor();
    const testId = (await row.getAttribute("data-testid")) ?? "";
    return testId.replace(/^campaign-/, "");
  }

  /** Clicks "Copy link", waits for the confirmation and returns what the clipboard holds. */
  async copyLink(id: string): Promise<string> {
    await this.page.getByTestId(`copy-link-${id}`).click();
    await this.page.getByTestId(`copy-status-${id}`).getByText("Link copied").waitFor();
    return this.page.evaluate(() => navigator.clipboard.readText());
  }

  /**
   * Refreshes the results, waits for the new answer (a refresh replaces one still on its way, so
   * reading at once could show the previous one), and reads one figure of a row (null when
   * undefined, e.g. CAC).
   */
  async figure(rowId: string, column: string): Promise<number | null> {
    await this.page.getByRole("button", { name: "Refresh" }).click();
    await this.page
      .locator("[data-testid='campaign-results'][aria-busy='false']")
      .waitFor({ timeout: 30_000 });
    const cell = this.page.getByTestId(`result-${rowId}`).locator(`[data-col="${column}"]`);
    await cell.waitFor({ timeout: 30_000 });
    const raw = await cell.getAttribute("data-value");
    return raw === null || raw === "" ? null : Number(raw);
  }
}

export class AdminUserPage {
  constructor(readonly page: Page) {}

  async open(uid: string): Promise<void> {
    await this.page.goto(`/admin/users/${encodeURIComponent(uid)}`);
    await this.page.getByTestId("user-actions").waitFor({ timeout: 30_000 });
  }

  /** Picks `plan`, confirms, and waits for the success message. */
  async changePlan(plan: "free" | "pro"): Promise<void> {
    await this.page.getByTestId("user-plan-select").selectOption(plan);
    await this.page.getByTestId("user-confirm-button").click();
    await this.page.getByTestId("user-action-done").waitFor({ timeout: 30_000 });
  }
}

export class AdminExportPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto("/admin/export");
    await this.page.getByTestId("admin-export").waitFor({ timeout: 30_000 });
  }

  /** Clicks an export's button and returns the downloaded file's name and text. */
  async download(kind: "users" | "usage" | "campaigns"): Promise<{ name: string; text: string }> {
    const [download] = await Promise.all([
      this.page.waitForEvent("download", { timeout: 60_000 }),
      this.page.getByTestId(`export-${kind}`).click(),
    ]);
    const path = await download.path();
    return { name: download.suggestedFilename(), text: await readFile(path, "utf8") };
  }
}
